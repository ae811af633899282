import type { EventStore } from '@pdca/event-store';
import { storedForm } from '@pdca/event-store';
import { eventLeafHash } from '../event-leaf';
import { MerkleTree } from '../merkle-tree';
import { LogVerification, LogVerificationOptions, logVerdict } from './log-verdict';
import { LogThreading, verifyLogFileOnTwoThreads } from './verify-log-threads';

export { KEY_ROTATED, KEY_STREAM } from './log-keys';
export type { LogVerification, LogVerificationOptions } from './log-verdict';
export { verifyLogFile, verifyLogTail } from './verify-log-file';

/**
 * Any store: an SQLite file (its log chain and tree, on two threads when the log is large) or a
 * store through the port (EventStoreDB: its $all order), the Merkle tree against the kept
 * checkpoints. EventStoreDB assigns positions after the write, so its events carry no log link;
 * their order is covered by the tree (the position is in every leaf) and the signed checkpoints.
 */
export async function verifyLog(
  store: EventStore | string,
  options: LogVerificationOptions,
  pageSize = 5_000,
  threading?: LogThreading,
): Promise<LogVerification> {
  if (typeof store === 'string') return verifyLogFileOnTwoThreads(store, options, threading);
  const tree = new MerkleTree();
  for (let after = 0; ;) {
    // The leaves are over the events as stored, personal texts sealed (an erasure changes none of them).
    const page = await storedForm(store).readAll({ after, maxCount: pageSize });
    if (page.length === 0) break;
    for (const event of page) tree.append(eventLeafHash(event));
    after = page[page.length - 1].position;
  }
  return logVerdict(tree, tree.size, [], options, false);
}
