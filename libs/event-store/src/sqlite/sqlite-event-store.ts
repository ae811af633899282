import Database from 'better-sqlite3';
import type { Database as Db, Statement } from 'better-sqlite3';
import type {
  AppendOptions,
  AppendResult,
  EventStore,
  EventSubscription,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
} from '../event-store.port';
import { PollingSubscription } from '../subscription/polling-subscription';
import { WakeSignal } from '../subscription/wake-signal';
import { EVENT_COLUMNS, EventRow, fromRawRow, RawEventRow } from './event-rows';
import { WriterClient } from './writer-client';
import { SharedStrings } from '../shared-strings';
import type { LogKey } from '../log-chain/log-chain';
import { configureDurableDatabase, createEventTables } from './sqlite-schema';
import { RecentRows } from './recent-rows';

export interface SqliteEventStoreOptions {
  /** How often an idle subscription looks for events written by another process. */
  idlePollMs?: number;
  /** Makes every event's log link an HMAC under this key (see log-chain.ts); without it, plain SHA-256. */
  logKey?: LogKey;
}

/** The embedded default: one SQLite file, WAL, group commit, durable acknowledgements. */
export class SqliteEventStore implements EventStore {
  /** The writer looks the event ids up under its lock (append-transaction.ts: confirmRetry). */
  readonly tellsRepeats = true;
  /** The writer links the stream's chain in the append's transaction (append-transaction.ts). */
  readonly chainsStreams = true;
  readonly signal = new WakeSignal();
  private readonly db: Db;
  private readonly statements: ReturnType<typeof prepareStatements>;
  private readonly writer: WriterClient;
  private subscriptions = new Set<EventSubscription>();
  private writerSettings?: { journalMode: string; synchronous: number };
  /** The log read in order feeds the read models, which keep its short strings: one copy each. */
  private readonly sharedStrings = new SharedStrings();
  /** What this process just committed: the read right after a commit is served from it (recent-rows.ts). */
  private readonly recentRows = new RecentRows();

  /** Reads run on this thread's connection; appends go to the writer thread (WAL: readers never block it). */
  constructor(
    readonly file: string,
    private readonly options: SqliteEventStoreOptions = {},
  ) {
    this.db = new Database(file);
    configureDurableDatabase(this.db);
    createEventTables(this.db);
    this.statements = prepareStatements(this.db);
    this.writer = new WriterClient(
      file,
      (rows) => {
        this.recentRows.add(rows);
        this.signal.notify();
      },
      options.logKey,
    );
    this.writer.ready.then(
      (settings) => (this.writerSettings = settings),
      () => undefined,
    );
  }

  append(stream: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    if (events.length === 0) return Promise.reject(new Error('append needs at least one event'));
    const { expectedRevision, readStreams, chainStream } = options;
    return this.writer.append({
      stream,
      events,
      expectedRevision,
      ...(readStreams?.length ? { readStreams } : {}),
      ...(chainStream ? { chainStream } : {}),
    });
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const rows = (
      options.direction === 'backwards'
        ? this.statements.readStreamBackwards.all(
            stream,
            options.fromRevision ?? Number.MAX_SAFE_INTEGER,
            options.maxCount ?? -1,
          )
        : this.statements.readStream.all(stream, options.fromRevision ?? 0, options.maxCount ?? -1)
    ) as RawEventRow[];
    return rows.map(fromRawRow);
  }

  async streamRevision(stream: string): Promise<number> {
    return this.currentRevision(stream);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.readAllSync(options);
  }

  readAllSync(options: ReadAllOptions = {}): RecordedEvent[] {
    const after = options.after ?? 0;
    const maxCount = options.maxCount ?? -1;
    const recent = options.following ? this.recentRows.after(after, maxCount) : undefined;
    const rows = recent ?? (this.statements.readAll.all(after, maxCount) as RawEventRow[]);
    const events = rows.map(fromRawRow);
    for (const event of events) this.sharedStrings.shareIn(event.data);
    return events;
  }

  /** Raw rows without JSON parsing, for benchmarks that measure the parse themselves. */
  readAllRows(after: number, maxCount: number): EventRow[] {
    return this.statements.readAllRows.all(after, maxCount) as EventRow[];
  }

  subscribeToAll(options: SubscribeOptions = {}): EventSubscription {
    return this.subscribeToAllThrough((page) => this.readAll(page), options);
  }

  /**
   * The same subscription with its pages read through `readPage`: a layer above that works on
   * whole pages (the personal-data layer opens a page's sealed texts with one key lookup).
   */
  subscribeToAllThrough(
    readPage: (options: ReadAllOptions) => Promise<RecordedEvent[]>,
    options: SubscribeOptions = {},
  ): EventSubscription {
    const source = { readAll: readPage, signal: this.signal };
    const subscription = new PollingSubscription(source, options.after ?? 0, {
      // Small pages: a page's parsed events stay in V8's young generation until consumed (cheaper GC).
      pageSize: 500,
      idlePollMs: this.options.idlePollMs ?? 250,
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<number> {
    return (this.statements.head.get() as { head: number | null }).head ?? 0;
  }

  /** What the writing connection really runs with; synchronous 2 = FULL. */
  async durability(): Promise<{ journalMode: string; synchronous: number }> {
    return this.writerSettings ?? (await this.writer.ready);
  }

  async ping(): Promise<boolean> {
    return this.db.open && this.statements.ping.get() !== undefined;
  }

  async close(): Promise<void> {
    await this.writer.close();
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    if (this.db.open) this.db.close();
  }

  private currentRevision(stream: string): number {
    const row = this.statements.lastRevision.get(stream) as { revision: number } | undefined;
    return row ? row.revision : -1;
  }
}

function prepareStatements(db: Db): Record<string, Statement> {
  return {
    lastRevision: db.prepare('SELECT revision FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1'),
    // Raw mode (arrays, see fromRawRow) for everything that becomes events.
    readStream: db
      .prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE stream = ? AND revision >= ? ORDER BY revision LIMIT ?`)
      .raw(true),
    readStreamBackwards: db
      .prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE stream = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`)
      .raw(true),
    readAll: db.prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`).raw(true),
    readAllRows: db.prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`),
    head: db.prepare('SELECT max(position) AS head FROM events'),
    ping: db.prepare('SELECT 1 AS one'),
  };
}
