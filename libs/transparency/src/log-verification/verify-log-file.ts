import { hashOf } from '@pdca/audit';
import type { EventMetadata, LogKey, LogRow } from '@pdca/event-store';
import { SqliteLogReader } from '@pdca/event-store';
import { MerkleTree } from '../merkle-tree';
import { NoteVerifierKey } from '../signed-note';
import { ChainChecker } from './chain-findings';
import { Finding } from './findings';
import { KEY_STREAM } from './log-keys';
import { keysNamedBy, LogVerification, LogVerificationOptions, logVerdict, truncatedTail } from './log-verdict';

/**
 * The whole log of an SQLite store, as stored, in one pass on this thread: the log chain (with
 * the key, every link), the Merkle tree against every kept checkpoint, and the positions SQLite
 * issued. What names each finding; `verifyLog` runs it whenever the two-thread pass finds anything.
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
    const findings = [...checker.finish(), ...truncatedTail(last?.position, reader.issuedPosition())];
    return logVerdict(
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

/** Whether the row's own per-stream hash holds (a whole event made anew, not an old one edited). */
export function streamHashHolds(row: LogRow): boolean {
  const metadata = JSON.parse(row.metadata) as EventMetadata;
  return (
    hashOf(row.stream, row.revision, { id: row.id, type: row.type, data: JSON.parse(row.data), metadata }) ===
    metadata.hash
  );
}
