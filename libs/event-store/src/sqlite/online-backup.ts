import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';

/** Pages per backup step: more than any store has, so the copy is one step (see copyStoreOnline). */
const ALL_PAGES = 2 ** 31 - 1;
/** The source's memory map for the copy (only address space: pages are read on demand). */
const MMAP_BYTES = 2 ** 40;

/**
 * A consistent copy of a live store with SQLite's online backup, copying every page in one step:
 * one step is one read transaction, so the copy is exactly the log as of its start, while the
 * service's writer thread keeps committing to the WAL beside it (WAL readers never block the
 * writer). Small steps would restart whenever another connection writes, and under a steady stream
 * of commands might never finish; only the first step (better-sqlite3 starts with 100 pages) can be
 * restarted, once. A page copy rather than `VACUUM INTO` (which rebuilds every table and index: 22 s
 * against 13 s for 1,000,000 events here); a file copy of events.db without its WAL loses recent commits.
 */
export async function copyStoreOnline(sourceFile: string, targetFile: string): Promise<void> {
  if (!existsSync(sourceFile)) throw new Error(`no event store at ${sourceFile}`);
  if (existsSync(targetFile)) throw new Error(`${targetFile} already exists`);
  const source = new Database(sourceFile, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 10000');
    // Pages read through a memory map rather than a read() each: a third less time for the copy here.
    source.pragma(`mmap_size = ${MMAP_BYTES}`);
    await source.backup(targetFile, { progress: () => ALL_PAGES });
  } finally {
    source.close();
  }
  // A backup is one self-contained file: rollback journal, not WAL (no -wal/-shm beside it).
  const copy = new Database(targetFile, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

export interface StoreFileSummary {
  events: number;
  /** Position of the newest event, 0 when empty. */
  lastPosition: number;
  /** The AUTOINCREMENT counter: positions are never reused, even past the newest row. */
  positionSequence: number;
  /** Id of the first event: the store's identity (a projection snapshot names it). */
  firstEventId?: string;
  /** The log chain's head (issue 13): the newest event's link, which covers every event before it. */
  logChainHead: { position: number; hash: string | null };
}

/**
 * Figures of a store file (read-only), for backup manifests and their checks: all of them read
 * from indexes or the last row. Not every stream's head: the log chain's head covers them all, and
 * reading 250,000 heads' hashes out of their metadata cost 12 s of a million-event backup.
 */
export function summarizeStoreFile(file: string): StoreFileSummary {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const events = (db.prepare('SELECT count(*) AS events FROM events').get() as { events: number }).events;
    const last = db.prepare('SELECT position, log_hash AS hash FROM events ORDER BY position DESC LIMIT 1').get() as
      { position: number; hash: string | null } | undefined;
    const sequence = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'events'").get() as
      { seq: number } | undefined;
    const first = db.prepare('SELECT id FROM events ORDER BY position LIMIT 1').get() as { id: string } | undefined;
    return {
      events,
      lastPosition: last?.position ?? 0,
      positionSequence: sequence?.seq ?? 0,
      firstEventId: first?.id,
      logChainHead: { position: last?.position ?? 0, hash: last?.hash ?? null },
    };
  } finally {
    db.close();
  }
}
