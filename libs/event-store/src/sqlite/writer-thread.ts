import Database from 'better-sqlite3';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { AppendRequest, createGroupAppender } from './append-transaction';
import { configureDurableDatabase, createEventTables } from './sqlite-schema';
import type { LogKey } from '../log-chain/log-chain';
import { whenWriteLockFree } from './write-lock';

/** Messages between the store (main thread) and its writer thread. */
export type WriterRequest = { batch: number; requests: AppendRequest[] } | { close: true };
export type WriterReply =
  | { ready: true; journalMode: string; synchronous: number }
  | { batch: number; outcomes: ReturnType<ReturnType<typeof createGroupAppender>> }
  | { batch: number; error: string }
  | { closed: true };

export const WRITER_ROLE = 'pdca-sqlite-writer';

/**
 * WAL frames after which a commit also checkpoints (SQLite's default is 1,000): a backstop only,
 * the checkpoint thread (checkpointer.ts) does it beside the commits, not after one of them.
 */
const WRITER_AUTOCHECKPOINT = 4_000;

/**
 * The writer thread owns the only writing connection: the commit's fsync happens here, so the
 * event loop keeps serving requests (and gathering the next group) while the disk flushes.
 */
function runWriter(file: string, logKey?: LogKey): void {
  const db = new Database(file);
  configureDurableDatabase(db);
  createEventTables(db);
  db.pragma(`wal_autocheckpoint = ${WRITER_AUTOCHECKPOINT}`);
  const appendGroup = createGroupAppender(db, logKey);
  // From here on a lock held by another process is waited for in whenWriteLockFree, not SQLite's busy handler.
  db.pragma('busy_timeout = 0');
  const port = parentPort!;
  const journalMode = String(db.pragma('journal_mode', { simple: true }));
  const synchronous = Number(db.pragma('synchronous', { simple: true }));
  port.postMessage({ ready: true, journalMode, synchronous } satisfies WriterReply);
  port.on('message', (message: WriterRequest) => {
    if ('close' in message) {
      db.close();
      port.postMessage({ closed: true } satisfies WriterReply);
      return;
    }
    try {
      port.postMessage({
        batch: message.batch,
        outcomes: whenWriteLockFree(() => appendGroup(message.requests)),
      } satisfies WriterReply);
    } catch (error) {
      port.postMessage({ batch: message.batch, error: (error as Error).message } satisfies WriterReply);
    }
  });
}

/** What WriterClient passes to the thread (workerData is untyped). */
const start = workerData as { role?: string; file: string; logKey?: { id: string; secret: Uint8Array } } | null;
if (!isMainThread && start?.role === WRITER_ROLE) {
  const key = start.logKey;
  runWriter(start.file, key ? { id: key.id, secret: Buffer.from(key.secret) } : undefined);
}
