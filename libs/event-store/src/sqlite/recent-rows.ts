import { LRUCache } from 'lru-cache';
import type { RawEventRow } from './event-rows';

/** Rows kept: a few groups at 64 clients (~40 rows each), far more than the projections ever trail by. */
const DEFAULT_CAPACITY = 4_096;

/**
 * The rows this process has just committed, as the writer stored them, so that a subscription's
 * read right after a commit (the projections catching up with the command they answer) need not go
 * back to SQLite for them. Each commit by another connection drops the reader's page cache, so that
 * read cost the main thread a fresh read of the WAL per command at 1 client (README, Performance).
 * Only reads that follow the log ask (ReadAllOptions.following); verification always reads the file.
 *
 * A position's row never changes once committed, so a row kept is the row SQLite would return. A run
 * of kept rows answers a read only when it starts right after the read's position and has no gap up
 * to the newest kept row: a missing position is a row another process wrote, and the read goes to
 * SQLite. Rows past the newest kept one may exist (written by another process since): the read
 * returns without them, as a read a moment earlier would have, and the next read finds them.
 */
export class RecentRows {
  /** Read with `peek` only: rows leave in the order they came, which is position order. */
  private readonly rows: LRUCache<number, RawEventRow>;
  private newest = 0;

  constructor(capacity = DEFAULT_CAPACITY) {
    this.rows = new LRUCache({ max: capacity });
  }

  /** Rows of one committed group, in position order. */
  add(rows: readonly RawEventRow[]): void {
    for (const row of rows) {
      this.rows.set(row[0], row);
      this.newest = Math.max(this.newest, row[0]);
    }
  }

  /** The rows after `after`, up to `maxCount` (negative: no limit), or undefined when only SQLite can tell. */
  after(after: number, maxCount: number): RawEventRow[] | undefined {
    const limit = maxCount < 0 ? Number.POSITIVE_INFINITY : maxCount;
    const run: RawEventRow[] = [];
    for (let position = after + 1; run.length < limit; position++) {
      const row = this.rows.peek(position);
      if (!row) break;
      run.push(row);
    }
    if (run.length === 0) return undefined;
    const reachedLimit = run.length === limit;
    return reachedLimit || run[run.length - 1][0] === this.newest ? run : undefined;
  }
}
