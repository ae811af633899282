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
      log_prev TEXT,
      log_hash TEXT,
      UNIQUE (stream, revision)
    );
  `);
  addLogChainColumns(db);
}

/**
 * The upgrade of a store made before the log chain (issue 13): two nullable columns, no row
 * rewritten. Older events keep their per-stream chains; the first checkpoint signed after the
 * upgrade covers them, and the log chain starts at the first event appended after it.
 */
function addLogChainColumns(db: Database): void {
  const columns = new Set(
    (db.prepare('PRAGMA table_info(events)').all() as Array<{ name: string }>).map((c) => c.name),
  );
  for (const column of ['log_prev', 'log_hash'].filter((c) => !columns.has(c))) {
    try {
      db.exec(`ALTER TABLE events ADD COLUMN ${column} TEXT`);
    } catch (error) {
      // Another process (API and worker start together) added it first.
      if (!/duplicate column/i.test((error as Error).message)) throw error;
    }
  }
}
