import { hashOf } from '@pdca/audit';
import type { EventMetadata, EventStore, LogKey, LogRow } from '@pdca/event-store';
import { SqliteLogReader, storedForm } from '@pdca/event-store';
import { eventLeafHash } from '../event-leaf';
import { MerkleTree } from '../merkle-tree';
import { NoteVerifierKey, parseVerifierKey } from '../signed-note';
import { ChainChecker } from './chain-findings';
import { checkpointFindings, KeptCheckpoint } from './checkpoint-findings';
import { Finding, finding } from './findings';

export const KEY_STREAM = 'transparency-keys';
export const KEY_ROTATED = 'TransparencySigningKeyRotated';

export interface LogVerificationOptions {
  /** Verifier keys trusted from outside the database (the key file's public half, --key, a witness's). */
  keys: readonly NoteVerifierKey[];
  /** The current log key (from the signing key file): without it, keyed links are not recomputed. */
  logKey?: LogKey;
  /** The service's checkpoints and any witness's copies. */
  checkpoints: readonly KeptCheckpoint[];
  origin?: string;
}

export interface LogVerification {
  intact: boolean;
  events: number;
  /** Events stored before the log chain (covered by per-stream chains and checkpoints only). */
  legacy: number;
  treeSize: number;
  rootHash: string;
  checkpointsChecked: number;
  /** Whether each link was recomputed with the key (else an insider could rechain unseen until a checkpoint). */
  keyed: boolean;
  findings: Finding[];
}

/**
 * The whole log of an SQLite store, as stored: the log chain (with the key, every link), the
 * Merkle tree against every kept checkpoint, and the positions SQLite issued. This is what
 * `pdca verify` runs, and what a copy (backup, migration) is checked with.
 */
export function verifyLogFile(file: string, options: LogVerificationOptions): LogVerification {
  const reader = new SqliteLogReader(file);
  try {
    const checker = new ChainChecker({
      key: options.logKey,
      rowOfLink: (link) => reader.rowOfLink(link),
      contiguousPositions: true,
      streamHashHolds,
    });
    const tree = new MerkleTree();
    const rotatedKeys: NoteVerifierKey[] = [];
    let legacy = 0;
    let last: LogRow | undefined;
    for (const row of reader.leafRows()) {
      checker.check(row, row.leaf);
      if (row.logHash === null && checker.lastSelf === 'unchecked' && !last?.logHash) legacy++;
      if (row.stream === KEY_STREAM && checker.lastSelf === 'ok') rotatedKeys.push(...keysNamedBy(row));
      tree.append(row.leaf);
      last = row;
    }
    const findings = checker.finish();
    const issued = reader.issuedPosition();
    if (last && issued > last.position) {
      findings.push(
        finding(
          'truncated',
          { position: last.position + 1 },
          `位置 ${last.position + 1}〜${issued} の記録が末尾から削除されています（SQLite が発行した最大位置は ${issued}）。`,
          `the events at positions ${last.position + 1}–${issued} were removed from the end (SQLite issued positions up to ${issued})`,
        ),
      );
    }
    return finish(
      tree,
      legacy,
      findings,
      { ...options, keys: [...options.keys, ...rotatedKeys] },
      options.logKey !== undefined,
    );
  } finally {
    reader.close();
  }
}

/**
 * The events after a position, as the signer checks them before a checkpoint: each link must be the
 * key's and intact, so an event written into the database directly is never signed.
 */
export function verifyLogTail(file: string, logKey: LogKey, afterPosition: number): Finding[] {
  const reader = new SqliteLogReader(file);
  try {
    const checker = new ChainChecker({
      key: logKey,
      rowOfLink: (link) => reader.rowOfLink(link),
      contiguousPositions: true,
      streamHashHolds,
    });
    for (const row of reader.leafRows(afterPosition)) checker.check(row, row.leaf);
    return checker.finish();
  } finally {
    reader.close();
  }
}

/**
 * Any store through the port (EventStoreDB: its $all order): the Merkle tree against the kept
 * checkpoints. EventStoreDB assigns positions after the write, so its events carry no log link;
 * their order is covered by the tree (the position is in every leaf) and the signed checkpoints.
 */
export async function verifyLog(
  store: EventStore | string,
  options: LogVerificationOptions,
  pageSize = 5_000,
): Promise<LogVerification> {
  if (typeof store === 'string') return verifyLogFile(store, options);
  const tree = new MerkleTree();
  for (let after = 0; ;) {
    // The leaves are over the events as stored, personal texts sealed (an erasure changes none of them).
    const page = await storedForm(store).readAll({ after, maxCount: pageSize });
    if (page.length === 0) break;
    for (const event of page) tree.append(eventLeafHash(event));
    after = page[page.length - 1].position;
  }
  return finish(tree, tree.size, [], options, false);
}

function finish(
  tree: MerkleTree,
  legacy: number,
  chainFindings: Finding[],
  options: LogVerificationOptions,
  keyed: boolean,
): LogVerification {
  const checked = checkpointFindings(tree, options.checkpoints, options.keys, options.origin);
  const findings = [...chainFindings, ...checked.findings];
  return {
    intact: findings.length === 0,
    events: tree.size,
    legacy,
    treeSize: tree.size,
    rootHash: tree.root().toString('base64'),
    checkpointsChecked: checked.checked,
    keyed,
    findings,
  };
}

function streamHashHolds(row: LogRow): boolean {
  const metadata = JSON.parse(row.metadata) as EventMetadata;
  return (
    hashOf(row.stream, row.revision, { id: row.id, type: row.type, data: JSON.parse(row.data), metadata }) ===
    metadata.hash
  );
}

/** A rotation event whose link the current key made names the keys that signed earlier checkpoints. */
function keysNamedBy(row: LogRow): NoteVerifierKey[] {
  if (row.type !== KEY_ROTATED) return [];
  const data = JSON.parse(row.data) as { previousKey?: string; nextKey?: string };
  return [data.previousKey, data.nextKey].flatMap((text) => (text && parseVerifierKey(text)) || []);
}
