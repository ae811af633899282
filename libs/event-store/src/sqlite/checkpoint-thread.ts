import Database from 'better-sqlite3';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { configureDurableDatabase } from './sqlite-schema';

/** Messages between the store's writer client (main thread) and its checkpoint thread. */
export type CheckpointRequest = { checkpoint: true } | { close: true };
export type CheckpointReply = { checkpointed: true; frames: number } | { closed: true };

export const CHECKPOINT_ROLE = 'pdca-sqlite-checkpointer';

/**
 * Copies committed WAL frames back into the events file on a connection of its own (a PASSIVE
 * checkpoint waits for nobody and blocks no one), so that the writer thread does not: SQLite's
 * automatic checkpoint runs on the connection that commits, right after the commit, and the
 * appends of every command waiting behind it waited for it (about 1,100 frames copied and the
 * file fsynced every ~200 commands: 12–24 ms where an append took 3 at load 12). It changes
 * nothing of what is durable: a frame is copied only once committed, and the WAL is reused only
 * after the file holding its frames was fsynced.
 */
function runCheckpointer(file: string): void {
  const db = new Database(file, { fileMustExist: true });
  configureDurableDatabase(db);
  db.pragma('wal_autocheckpoint = 0');
  const port = parentPort!;
  port.on('message', (message: CheckpointRequest) => {
    if ('close' in message) {
      db.close();
      port.postMessage({ closed: true } satisfies CheckpointReply);
      port.close();
      return;
    }
    let frames = 0;
    try {
      [{ checkpointed: frames }] = db.pragma('wal_checkpoint(PASSIVE)') as Array<{ checkpointed: number }>;
    } catch {
      // Busy or failing: the writer's own automatic checkpoint is the backstop (WRITER_AUTOCHECKPOINT).
    }
    port.postMessage({ checkpointed: true, frames } satisfies CheckpointReply);
  });
}

const start = workerData as { role?: string; file: string } | null;
if (!isMainThread && start?.role === CHECKPOINT_ROLE) runCheckpointer(start.file);
