import type { EventStore } from '@pdca/event-store';
import { LogLinkFile } from '../log-links/log-link-file';
import { LogVerification, LogVerificationOptions } from './log-verdict';
import { verifyLogStore } from './verify-log-store';
import { LogThreading, verifyLogFileOnTwoThreads } from './verify-log-threads';

export { KEY_ROTATED, KEY_STREAM } from './log-keys';
export type { LogVerification, LogVerificationOptions } from './log-verdict';
export { verifyLogFile, verifyLogTail } from './verify-log-file';

/**
 * Any store: an SQLite file (its log chain and tree, on two threads when the log is large) or a
 * store through the port (EventStoreDB: its $all order), the Merkle tree against the kept
 * checkpoints. EventStoreDB assigns positions after the write, so its events carry no log link:
 * the API's linker keeps their links in a file (options.linkFile), checked here with the key.
 */
export async function verifyLog(
  store: EventStore | string,
  options: LogVerificationOptions,
  pageSize = 5_000,
  threading?: LogThreading,
): Promise<LogVerification> {
  if (typeof store === 'string') return verifyLogFileOnTwoThreads(store, options, threading);
  const links = options.linkFile && options.logKey ? new LogLinkFile(options.linkFile).readAll() : [];
  return verifyLogStore(store, options, links, pageSize);
}
