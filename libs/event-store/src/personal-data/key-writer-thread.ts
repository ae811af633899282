import Database from 'better-sqlite3';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { sealText, SealedText } from './sealed-text';

/** A text to seal and where it goes (the associated data, see sealedTextPlace). */
export interface TextToSeal {
  text: string;
  where: string;
}

/** Messages between the key store (main thread) and its writer thread. */
export type KeyWriterRequest = { batch: number; texts: TextToSeal[]; createdAt: string } | { close: true };
export type KeyWriterReply = { batch: number; envelopes?: SealedText[]; error?: string } | { closed: true };

export const KEY_WRITER_ROLE = 'pdca-key-writer';

/** The key file's pragmas, for every connection to it (this thread's and the main thread's). */
export function configureKeyDatabase(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  // Durable before the event that needs it is appended: a key lost to a power cut would erase a text nobody asked to erase.
  db.pragma('synchronous = FULL');
  db.pragma('secure_delete = ON');
  db.pragma('journal_size_limit = 0');
  db.pragma('busy_timeout = 10000');
  db.exec(`
    CREATE TABLE IF NOT EXISTS personal_keys (kid TEXT PRIMARY KEY, key BLOB NOT NULL, created_at TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS destroyed_keys (kid TEXT PRIMARY KEY, destroyed_at TEXT NOT NULL);
  `);
}

/**
 * Texts are sealed here and their new keys committed (and fsynced), off the event loop: the fsync
 * took the API's main thread for the length of a disk flush before every group of appends, and the
 * keys never cross to it. One transaction per batch; the envelopes go back once it is durable.
 * The order stays: a key is durable before any event that names it is appended (after a power cut
 * an event whose key was lost would read as erased although nobody erased it). Not written in the
 * events file's own transaction, which would save this fsync: every copy of the log (backups, the
 * audit bundle, a replica) would then carry the keys that open its texts, and an erasure could
 * never reach those copies; the key file is backed up on its own and restored with its tombstones.
 */
function runKeyWriter(file: string): void {
  const db = new Database(file);
  configureKeyDatabase(db);
  const insert = db.prepare('INSERT INTO personal_keys (kid, key, created_at) VALUES (?, ?, ?)');
  const sealAll = db.transaction((texts: TextToSeal[], createdAt: string) =>
    texts.map(({ text, where }) => {
      const { envelope, key } = sealText(text, where);
      insert.run(envelope.kid, key, createdAt);
      return envelope;
    }),
  );
  const port = parentPort!;
  port.on('message', (message: KeyWriterRequest) => {
    if ('close' in message) {
      db.close();
      port.postMessage({ closed: true } satisfies KeyWriterReply);
      port.close();
      return;
    }
    try {
      port.postMessage({
        batch: message.batch,
        envelopes: sealAll(message.texts, message.createdAt),
      } satisfies KeyWriterReply);
    } catch (error) {
      port.postMessage({ batch: message.batch, error: (error as Error).message } satisfies KeyWriterReply);
    }
  });
}

const start = workerData as { role?: string; file: string } | null;
if (!isMainThread && start?.role === KEY_WRITER_ROLE) runKeyWriter(start.file);
