import Database from 'better-sqlite3';
import type { Database as Db, Statement } from 'better-sqlite3';
import { DuplicateEventIdError, WrongExpectedRevisionError } from '../errors';
import type {
  AppendResult,
  EventStore,
  EventSubscription,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
} from '../event-store.port';
import { PollingSubscription } from '../subscription/polling-subscription';
import { WakeSignal } from '../subscription/wake-signal';
import { EVENT_COLUMNS, EventRow, toRecordedEvent } from './event-rows';
import { GroupCommit } from './group-commit';
import { configureDurableDatabase, createEventTables } from './sqlite-schema';

interface AppendRequest {
  stream: string;
  events: readonly NewEvent[];
  expectedRevision: ExpectedRevision;
}

export interface SqliteEventStoreOptions {
  /** How often an idle subscription looks for events written by another process. */
  idlePollMs?: number;
}

/** The embedded default: one SQLite file, WAL, group commit, durable acknowledgements. */
export class SqliteEventStore implements EventStore {
  readonly signal = new WakeSignal();
  private readonly db: Db;
  private readonly statements: ReturnType<typeof prepareStatements>;
  private readonly groupCommit: GroupCommit<AppendRequest, AppendResult>;
  private subscriptions = new Set<EventSubscription>();

  constructor(readonly file: string, private readonly options: SqliteEventStoreOptions = {}) {
    this.db = new Database(file);
    configureDurableDatabase(this.db);
    createEventTables(this.db);
    this.statements = prepareStatements(this.db);
    const appendOne = this.db.transaction((request: AppendRequest) => this.appendInTransaction(request));
    const commitGroup = this.db.transaction((requests: AppendRequest[]) =>
      requests.map((request) => {
        try {
          return { ok: true as const, value: appendOne(request) };
        } catch (error) {
          return { ok: false as const, error };
        }
      }),
    );
    this.groupCommit = new GroupCommit((requests) => {
      const outcomes = commitGroup.immediate(requests);
      if (outcomes.some((o) => o.ok)) this.signal.notify();
      return outcomes;
    });
  }

  append(stream: string, events: readonly NewEvent[], options: { expectedRevision: ExpectedRevision }): Promise<AppendResult> {
    if (events.length === 0) return Promise.reject(new Error('append needs at least one event'));
    return this.groupCommit.submit({ stream, events, expectedRevision: options.expectedRevision });
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const rows = (options.direction === 'backwards'
      ? this.statements.readStreamBackwards.all(stream, options.fromRevision ?? Number.MAX_SAFE_INTEGER, options.maxCount ?? -1)
      : this.statements.readStream.all(stream, options.fromRevision ?? 0, options.maxCount ?? -1)) as EventRow[];
    return rows.map(toRecordedEvent);
  }

  async streamRevision(stream: string): Promise<number> {
    return this.currentRevision(stream);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.readAllSync(options);
  }

  readAllSync(options: ReadAllOptions = {}): RecordedEvent[] {
    const rows = this.statements.readAll.all(options.after ?? 0, options.maxCount ?? -1) as EventRow[];
    return rows.map(toRecordedEvent);
  }

  /** Raw rows without JSON parsing, for benchmarks that measure the parse themselves. */
  readAllRows(after: number, maxCount: number): EventRow[] {
    return this.statements.readAll.all(after, maxCount) as EventRow[];
  }

  subscribeToAll(options: SubscribeOptions = {}): EventSubscription {
    const subscription = new PollingSubscription(this, options.after ?? 0, {
      pageSize: 1_000,
      idlePollMs: this.options.idlePollMs ?? 250,
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<number> {
    return (this.statements.head.get() as { head: number | null }).head ?? 0;
  }

  /** What this connection really runs with; synchronous 2 = FULL. */
  durability(): { journalMode: string; synchronous: number } {
    return {
      journalMode: this.db.pragma('journal_mode', { simple: true }) as string,
      synchronous: this.db.pragma('synchronous', { simple: true }) as number,
    };
  }

  async ping(): Promise<boolean> {
    return this.db.open && this.statements.ping.get() !== undefined;
  }

  async close(): Promise<void> {
    this.groupCommit.flush();
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    if (this.db.open) this.db.close();
  }

  private appendInTransaction({ stream, events, expectedRevision }: AppendRequest): AppendResult {
    const stored = this.statements.byId.get(events[0].id) as EventRow | undefined;
    if (stored) return this.confirmIdempotentRetry(stream, events, expectedRevision, stored);
    const current = this.currentRevision(stream);
    assertExpectedRevision(stream, expectedRevision, current);
    let position = 0;
    events.forEach((event, i) => {
      try {
        const info = this.statements.insert.run(
          event.id, stream, current + 1 + i, event.type, JSON.stringify(event.data), JSON.stringify(event.metadata),
        );
        position = Number(info.lastInsertRowid);
      } catch (error) {
        if (isUniqueViolation(error)) throw new DuplicateEventIdError(stream, event.id);
        throw error;
      }
    });
    return { nextRevision: current + events.length, position };
  }

  /** Same ids at the same place as before: return the first result, write nothing (as EventStoreDB does). */
  private confirmIdempotentRetry(stream: string, events: readonly NewEvent[], expected: ExpectedRevision, first: EventRow): AppendResult {
    let last = first;
    events.forEach((event, i) => {
      const row = this.statements.byId.get(event.id) as EventRow | undefined;
      if (!row || row.stream !== stream || row.revision !== first.revision + i) throw new DuplicateEventIdError(stream, event.id);
      last = row;
    });
    const revisionBefore = first.revision - 1;
    const sameStart = expected === 'any' || (expected === 'no_stream' ? revisionBefore === -1 : expected === revisionBefore);
    if (!sameStart) throw new WrongExpectedRevisionError(stream, expected, this.currentRevision(stream));
    return { nextRevision: last.revision, position: last.position };
  }

  private currentRevision(stream: string): number {
    const row = this.statements.lastRevision.get(stream) as { revision: number } | undefined;
    return row ? row.revision : -1;
  }
}

function assertExpectedRevision(stream: string, expected: ExpectedRevision, current: number): void {
  const ok = expected === 'any' || (expected === 'no_stream' ? current === -1 : expected === current);
  if (!ok) throw new WrongExpectedRevisionError(stream, expected, current);
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT') ?? false;
}

function prepareStatements(db: Db): Record<string, Statement> {
  return {
    insert: db.prepare('INSERT INTO events (id, stream, revision, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)'),
    byId: db.prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE id = ?`),
    lastRevision: db.prepare('SELECT revision FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1'),
    readStream: db.prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE stream = ? AND revision >= ? ORDER BY revision LIMIT ?`),
    readStreamBackwards: db.prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE stream = ? AND revision <= ? ORDER BY revision DESC LIMIT ?`),
    readAll: db.prepare(`SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`),
    head: db.prepare('SELECT max(position) AS head FROM events'),
    ping: db.prepare('SELECT 1 AS one'),
  };
}
