import Database from 'better-sqlite3';
import type { Database as Db, Statement } from 'better-sqlite3';
import { chainEvents, ChainHead, GENESIS } from '@pdca/audit';
import { randomUUID } from 'node:crypto';
import { metadataFor } from '@pdca/event-store';
import type { CommandEnvelope } from '@pdca/event-store';
import type { Clock, DomainEvent } from '@pdca/kernel';
import type { EventSink } from './event-sink';
import { createEventTables } from '../../../libs/event-store/src/sqlite/sqlite-schema';

/**
 * The fixture fast path, kept apart from everything measured: it writes hash-chained events straight
 * into the events table the SQLite adapter uses, many thousands per transaction with synchronous=OFF.
 * The rows are what ChainedEventStore over SqliteEventStore would store (same schema, metadata from
 * metadataFor, hash chain from chainEvents), so the API and the audit verification read them like any
 * other history. Event ids are random UUIDs rather than derived from a command id: fixtures are never
 * retried, and uuidv5 per event was a tenth of the generation time. Never used on a measured path.
 */
export class FixtureWriter implements EventSink {
  private readonly db: Db;
  private readonly insert: Statement;
  private readonly heads = new Map<string, ChainHead>();
  private rows: unknown[][] = [];
  private commands = 0;
  written = 0;

  constructor(readonly file: string, private readonly batchSize = 20_000) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = OFF');
    createEventTables(this.db);
    this.insert = this.db.prepare('INSERT INTO events (id, stream, revision, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)');
  }

  /** Appends what one command decided to one stream, with the metadata the API would record. */
  append(stream: string, events: readonly DomainEvent[], envelope: Omit<CommandEnvelope, 'commandId' | 'correlationId'>, clock: Clock): void {
    if (events.length === 0) return;
    const commandId = `fixture-${++this.commands}`;
    const metadata = metadataFor({ ...envelope, commandId, correlationId: commandId }, clock);
    const head = this.heads.get(stream) ?? GENESIS;
    const chained = chainEvents(stream, head, events.map((event) => ({ id: randomUUID(), type: event.type, data: event.data, metadata })));
    chained.forEach((event, i) => this.rows.push([event.id, stream, head.revision + 1 + i, event.type, JSON.stringify(event.data), JSON.stringify(event.metadata)]));
    this.heads.set(stream, { revision: head.revision + chained.length, hash: String(chained[chained.length - 1].metadata.hash) });
    if (this.rows.length >= this.batchSize) this.flush();
  }

  flush(): void {
    const rows = this.rows;
    this.rows = [];
    this.db.transaction(() => rows.forEach((row) => this.insert.run(...row)))();
    this.written += rows.length;
  }

  /** Flushes, folds the WAL into the main file and closes, so the API opens a plain database. */
  close(): void {
    this.flush();
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.db.close();
  }
}
