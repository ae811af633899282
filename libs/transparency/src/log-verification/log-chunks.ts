import { LeafedLogRow, linkTag, LogKey, SqliteLogReader } from '@pdca/event-store';
import { HASH_SIZE } from '../hashing';
import { ChainChecker } from './chain-findings';
import { KEY_ROTATED, KEY_STREAM } from './log-keys';

/**
 * One slice of the log, positions (after, upTo], checked on its own as if the log started there:
 * its leaves (packed, 32 bytes each, for the tree), whether its chain holds, and what the slices
 * around it need to be stitched on (its first and last rows, whether it is linked and keyed).
 * A slice does not name what it finds: the sequential pass does that (see verifyLogInParallel).
 */
export interface LogChunk {
  index: number;
  rows: number;
  /** No link broke inside the slice (checked as the sequential pass would, from a fresh start). */
  clean: boolean;
  leaves: Uint8Array;
  /** Rows stored before the log chain (no link); in a clean slice, every row without a link. */
  legacy: number;
  /** The data of each intact rotation event, which names keys that signed earlier checkpoints. */
  rotations: string[];
  first?: { position: number; logPrev: string | null; logHash: string | null };
  last?: { position: number; logHash: string | null };
  chained: boolean;
  keyed: boolean;
}

export function checkChunk(
  reader: SqliteLogReader,
  key: LogKey | undefined,
  index: number,
  after: number,
  upTo: number,
): LogChunk {
  const checker = new ChainChecker({
    key,
    rowOfLink: () => undefined,
    contiguousPositions: true,
    streamHashHolds: () => false,
  });
  const pageSize = Math.min(10_000, Math.max(1, upTo - after));
  let leaves: Uint8Array = new Uint8Array(Math.min(upTo - after, 1 << 16) * HASH_SIZE);
  const chunk: LogChunk = {
    index,
    rows: 0,
    clean: true,
    leaves,
    legacy: 0,
    rotations: [],
    chained: false,
    keyed: false,
  };
  let last: LeafedLogRow | undefined;
  for (const row of reader.leafRows(after, pageSize)) {
    if (row.position > upTo) break;
    checker.check(row, row.leaf);
    if (checker.findings.length > 0) return { ...chunk, clean: false };
    if ((chunk.rows + 1) * HASH_SIZE > leaves.length) leaves = grown(leaves);
    leaves.set(row.leaf, chunk.rows * HASH_SIZE);
    if (row.logHash === null) chunk.legacy++;
    if (row.stream === KEY_STREAM && row.type === KEY_ROTATED && checker.lastSelf === 'ok')
      chunk.rotations.push(row.data);
    chunk.first ??= { position: row.position, logPrev: row.logPrev, logHash: row.logHash };
    chunk.rows++;
    last = row;
    if (row.position === upTo) break; // before the reader fetches a page past the chunk
  }
  return {
    ...chunk,
    clean: checker.finish().length === 0,
    leaves: leaves.subarray(0, chunk.rows * HASH_SIZE),
    last: last && { position: last.position, logHash: last.logHash },
    chained: checker.isChained,
    keyed: checker.isKeyed,
  };
}

/** Summary of the clean slices so far, in log order. */
export interface ChainSoFar {
  chained: boolean;
  keyed: boolean;
  last?: { position: number; logHash: string | null };
}

/**
 * Whether the next clean slice, checked from a fresh start, would also have been clean checked
 * right after the slices before it: the sequential checker differs from a fresh one only in
 * whether a linked row and a row of the current key came before (an unlinked or otherwise linked
 * row after them is forged), and in the link from the row before (removed, inserted, reordered).
 */
export function stitches(before: ChainSoFar, next: LogChunk, key: LogKey | undefined): boolean {
  if (!before.chained || !next.first || !before.last) return true;
  const first = next.first;
  if (first.logHash === null) return false;
  if (before.keyed && linkTag(first.logHash) !== `k${key?.id}`) return false;
  return first.logPrev === before.last.logHash && first.position === before.last.position + 1;
}

export function joined(before: ChainSoFar, next: LogChunk): ChainSoFar {
  return {
    chained: before.chained || next.chained,
    keyed: before.keyed || next.keyed,
    last: next.last ?? before.last,
  };
}

function grown(leaves: Uint8Array): Uint8Array {
  const bigger = new Uint8Array(leaves.length * 2);
  bigger.set(leaves);
  return bigger;
}
