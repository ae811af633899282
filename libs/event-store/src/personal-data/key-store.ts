import Database from 'better-sqlite3';
import type { Database as Db, Statement } from 'better-sqlite3';
import { KeyWriter } from './key-writer';
import { configureKeyDatabase, TextToSeal } from './key-writer-thread';
import type { SealedText } from './sealed-text';
import { pauseThisThread } from '../sqlite/write-lock';

const CHECKPOINT_ATTEMPTS = 20;

/**
 * The keys of sealed texts, in their own SQLite file beside the event log (never inside it: the
 * log is append-only and hash-chained, a key must be destroyable). A destroyed key leaves only
 * its id and time behind (a tombstone: no key material, no text), which a restore honours.
 * secure_delete zeroes a deleted key's bytes in the file, and the WAL is truncated after each
 * destruction, so no copy of the key stays in either file.
 */
export class KeyStore {
  private readonly db: Db;
  private writer?: KeyWriter;
  private readonly statements: {
    select: Statement;
    selectMany: Statement;
    remove: Statement;
    tombstone: Statement;
    destroyed: Statement;
  };

  constructor(readonly file: string) {
    this.db = new Database(file);
    configureKeyDatabase(this.db);
    this.statements = {
      select: this.db.prepare('SELECT key FROM personal_keys WHERE kid = ?').pluck(),
      selectMany: this.db.prepare('SELECT kid, key FROM personal_keys WHERE kid IN (SELECT value FROM json_each(?))'),
      remove: this.db.prepare('DELETE FROM personal_keys WHERE kid = ?'),
      tombstone: this.db.prepare('INSERT OR IGNORE INTO destroyed_keys (kid, destroyed_at) VALUES (?, ?)'),
      destroyed: this.db.prepare('SELECT count(*) FROM destroyed_keys').pluck(),
    };
  }

  /**
   * Seals each text with a fresh key of its own, taken from the keys the writer thread (started on
   * first use) committed ahead of need, a batch per transaction and fsync: the keys are durable
   * before the texts are sealed, and the seal waits for the disk only when that pool is empty.
   */
  seal(texts: readonly TextToSeal[]): Promise<SealedText[]> {
    if (texts.length === 0) return Promise.resolve([]);
    this.writer ??= new KeyWriter(this.file);
    return this.writer.seal(texts);
  }

  /** The keys of a page of events in one statement (a rebuild reads hundreds of thousands). */
  keysOf(kids: readonly string[]): Map<string, Buffer> {
    const rows =
      kids.length === 0
        ? []
        : (this.statements.selectMany.all(JSON.stringify(kids)) as Array<{ kid: string; key: Buffer }>);
    return new Map(rows.map((row) => [row.kid, row.key]));
  }

  keyOf(kid: string): Buffer | undefined {
    return this.statements.select.get(kid) as Buffer | undefined;
  }

  /** Destroys the keys for good (their texts become the erased mark) and leaves tombstones. */
  destroy(kids: readonly string[], now = new Date()): void {
    this.db.transaction(() =>
      kids.forEach((kid) => {
        this.statements.remove.run(kid);
        this.statements.tombstone.run(kid, now.toISOString());
      }),
    )();
    this.truncateWal();
  }

  /** Grows with every destruction, in any process: a cheap way for a running API to notice an erasure. */
  destroyedCount(): number {
    return this.statements.destroyed.get() as number;
  }

  /**
   * Takes the keys of a backed-up key store, except those destroyed here since: a restore never
   * brings an erased text back while this file (its tombstones) survives.
   */
  mergeFrom(backupFile: string): number {
    this.db.prepare('ATTACH DATABASE ? AS backup').run(backupFile);
    try {
      return this.db
        .prepare(
          `INSERT OR IGNORE INTO personal_keys SELECT kid, key, created_at FROM backup.personal_keys
        WHERE kid NOT IN (SELECT kid FROM destroyed_keys) AND kid NOT IN (SELECT kid FROM backup.destroyed_keys)`,
        )
        .run().changes;
    } finally {
      this.db.prepare('DETACH DATABASE backup').run();
    }
  }

  /** A consistent copy for `pdca backup`. */
  async backupTo(file: string): Promise<void> {
    await this.db.backup(file);
  }

  /** Closes the file; seals still queued are committed first (closeAfterWrites waits for that). */
  close(): void {
    void this.closeAfterWrites();
  }

  /** Resolves once the writer thread, the file's last connection, committed what was queued and closed it too. */
  async closeAfterWrites(): Promise<void> {
    const written = this.writer?.close();
    if (this.db.open) this.db.close();
    await written;
  }

  /** A reader of another process may hold the WAL for a moment; the truncation waits for it (bounded). */
  private truncateWal(): void {
    for (let attempt = 0; attempt < CHECKPOINT_ATTEMPTS; attempt++) {
      const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
      if (result.busy === 0) return;
      pauseThisThread(50);
    }
    throw new Error(
      `${this.file}: the WAL could not be truncated after destroying keys (a reader held it); run the erasure again`,
    );
  }
}
