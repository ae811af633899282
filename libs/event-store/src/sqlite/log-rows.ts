import Database from 'better-sqlite3';
import type { LogEntryFields } from '../log-chain/log-chain';

export interface LogRow extends LogEntryFields {
  logPrev: string | null;
  logHash: string | null;
}

type RawRow = [number, string, string, number, string, string, string, string | null, string | null];

/**
 * The stored rows exactly as they are, in global-position order, for verification: no JSON is
 * parsed (a million rows read in about a second) and the file is opened read-only, so a verifier
 * never writes to the store it checks.
 */
export class SqliteLogReader {
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = new Database(file, { readonly: true, fileMustExist: true });
  }

  *pages(pageSize = 10_000, from = 0): Generator<LogRow[]> {
    // Raw arrays: about 40 % less work per row than letting the driver build objects.
    const page = this.db.prepare('SELECT position, id, stream, revision, type, data, metadata, log_prev, log_hash FROM events WHERE position > ? ORDER BY position LIMIT ?').raw(true);
    for (let after = from; ; ) {
      const rows = (page.all(after, pageSize) as RawRow[]).map(([position, id, stream, revision, type, data, metadata, logPrev, logHash]) => ({ position, id, stream, revision, type, data, metadata, logPrev, logHash }));
      if (rows.length === 0) return;
      yield rows;
      after = rows[rows.length - 1].position;
    }
  }

  /** The highest position SQLite ever issued (AUTOINCREMENT): above the last row, the tail was deleted. */
  issuedPosition(): number {
    const row = this.db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'events'").get() as { seq: number } | undefined;
    return row?.seq ?? 0;
  }

  /** The row holding this link, for naming a broken link (a full scan: only on findings). */
  rowOfLink(link: string): LogRow | undefined {
    return this.db.prepare('SELECT position, id, stream, revision, type, data, metadata, log_prev AS logPrev, log_hash AS logHash FROM events WHERE log_hash = ?').get(link) as LogRow | undefined;
  }

  close(): void {
    this.db.close();
  }
}
