import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { keyBytesAt, newKeyMaterial } from './sealed-text';
import { whenWriteLockFree } from '../sqlite/write-lock';

/** A text to seal and where it goes (the associated data, see sealedTextPlace). */
export interface TextToSeal {
  text: string;
  where: string;
}

/**
 * Messages between the key store (main thread) and its writer thread. A batch of keys comes back
 * as their ids and one buffer of material (newKeyMaterial), moved, not copied. Closing
 * deletes the keys still unused (never handed out: no text was sealed with them).
 */
export type KeyWriterRequest = { batch: number; count: number; createdAt: string } | { close: true; unused: string[] };
export type KeyWriterReply =
  { batch: number; kids?: string[]; material?: Uint8Array; error?: string } | { closed: true };

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
 * Keys are made here and committed (and fsynced) ahead of need, a batch per transaction, off the
 * event loop; the key store seals each text with one of them. So a key is durable before any text
 * is sealed with it, let alone before the event that carries the text is appended (after a power
 * cut an event whose key was lost would read as erased although nobody erased it), and a command
 * waits for no key fsync in series with its events' own. Not written in the events file's own
 * transaction, which would save this fsync too: every copy of the log (backups, the audit bundle,
 * a replica) would then carry the keys that open its texts, and an erasure could never reach those
 * copies; the key file is backed up on its own and restored with its tombstones. A crash leaves
 * the keys it had not handed out in the file, unused: a random key with no text opens nothing.
 */
function runKeyWriter(file: string): void {
  const db = new Database(file);
  configureKeyDatabase(db);
  const insert = db.prepare('INSERT INTO personal_keys (kid, key, created_at) VALUES (?, ?, ?)');
  const remove = db.prepare('DELETE FROM personal_keys WHERE kid = ?');
  const makeKeys = db.transaction((kids: string[], material: Uint8Array, createdAt: string) =>
    kids.forEach((kid, i) => insert.run(kid, keyBytesAt(material, i), createdAt)),
  );
  const removeUnused = db.transaction((kids: string[]) => kids.forEach((kid) => remove.run(kid)));
  // Another process's key writer holding the file is waited for in whenWriteLockFree, as the event writer does.
  db.pragma('busy_timeout = 0');
  const port = parentPort!;
  port.on('message', (message: KeyWriterRequest) => {
    if ('close' in message) {
      try {
        whenWriteLockFree(() => removeUnused.immediate(message.unused));
      } finally {
        db.close();
      }
      port.postMessage({ closed: true } satisfies KeyWriterReply);
      port.close();
      return;
    }
    try {
      const kids = Array.from({ length: message.count }, () => randomUUID());
      const material = newKeyMaterial(message.count);
      whenWriteLockFree(() => makeKeys.immediate(kids, material, message.createdAt));
      port.postMessage({ batch: message.batch, kids, material } satisfies KeyWriterReply, [material.buffer]);
    } catch (error) {
      port.postMessage({ batch: message.batch, error: (error as Error).message } satisfies KeyWriterReply);
    }
  });
}

const start = workerData as { role?: string; file: string } | null;
if (!isMainThread && start?.role === KEY_WRITER_ROLE) runKeyWriter(start.file);
