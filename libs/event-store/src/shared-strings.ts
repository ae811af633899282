/**
 * Strings up to this length are shared: identifiers (`P01-001`, `sec012`), kinds and statuses
 * (`project`, `年度末`), short figures (`計206所`). Longer texts are rarely equal.
 */
const SHARED_MAX_LENGTH = 16;
/** A bound on the pool, so a store of very many distinct short values cannot grow it without end. */
const MAX_POOLED = 100_000;

/**
 * One copy of each short string in the events a reader keeps. Node 20's JSON.parse gave equal short
 * values one string (V8 internalized them); from V8 12 every parse makes its own copy, and the read
 * models of 1,000,000 events then held ~30 MB of copies of the same few thousand identifiers (heap
 * snapshots, Node 20 against 26). Each adapter (SQLite, EventStoreDB) shares them where it parses the
 * events the projections keep (reading the log in order), in objects it has just parsed and nobody
 * else has seen.
 */
export class SharedStrings {
  private readonly pool = new Map<string, string>();

  /** Replaces, inside freshly parsed JSON, every short string by the pool's copy. */
  shareIn(parsed: unknown): void {
    if (typeof parsed !== 'object' || parsed === null) return;
    if (Array.isArray(parsed)) {
      for (let i = 0; i < parsed.length; i++) {
        const value: unknown = parsed[i];
        if (typeof value === 'string') {
          if (value.length <= SHARED_MAX_LENGTH) parsed[i] = this.shared(value);
        } else this.shareIn(value);
      }
      return;
    }
    const record = parsed as Record<string, unknown>;
    for (const key in record) {
      const value = record[key];
      if (typeof value === 'string') {
        if (value.length <= SHARED_MAX_LENGTH) record[key] = this.shared(value);
      } else this.shareIn(value);
    }
  }

  private shared(value: string): string {
    const known = this.pool.get(value);
    if (known !== undefined) return known;
    if (this.pool.size >= MAX_POOLED) this.pool.clear();
    this.pool.set(value, value);
    return value;
  }
}
