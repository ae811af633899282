import type { Database } from 'better-sqlite3';

/**
 * WAL with synchronous=FULL: every commit fsyncs the WAL, so an acknowledged append
 * survives kill -9 and power loss. NORMAL would only survive process crashes, and a
 * reopened WAL database silently defaults to NORMAL, hence the explicit pragma.
 */
export function configureDurableDatabase(db: Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 10000');
  db.pragma('foreign_keys = ON');
}

export function createEventTables(db: Database): void {
  // AUTOINCREMENT: a position is never reused, even after the newest row is deleted,
  // which keeps checkpoints and tamper detection honest.
  db.exec(`
    CREATE TABLE IF NOT EXISTS events (
      position INTEGER PRIMARY KEY AUTOINCREMENT,
      id       TEXT    NOT NULL UNIQUE,
      stream   TEXT    NOT NULL,
      revision INTEGER NOT NULL,
      type     TEXT    NOT NULL,
      data     TEXT    NOT NULL,
      metadata TEXT    NOT NULL,
      UNIQUE (stream, revision)
    );
  `);
}
