import type { Database as Db } from 'better-sqlite3';
import type { AppendResult, ExpectedRevision, NewEvent, StreamRevision } from '../event-store.port';
import type { EventRow, RawEventRow } from './event-rows';
import { linkHash, LOG_GENESIS, logEntry, LogKey, logLeaf } from '../log-chain/log-chain';
import { chainEvents, ChainHead, GENESIS } from '../stream-chain/hash-chain';

export interface AppendRequest {
  stream: string;
  events: readonly NewEvent[];
  expectedRevision: ExpectedRevision;
  /** The streams the decision read besides its own, at the revisions read: checked under the write lock. */
  readStreams?: readonly StreamRevision[];
  /** Link the events to the stream's audit chain here, on the head under the write lock. */
  chainStream?: boolean;
}

/** Outcomes cross the thread boundary as plain data; the main thread turns failures into error classes. */
export type AppendFailure =
  | { kind: 'wrong_expected_revision'; stream: string; expected: ExpectedRevision; actual: number }
  | { kind: 'duplicate_event_id'; stream: string; eventId: string }
  | { kind: 'other'; message: string };

/** `rows`: what the append wrote, as a read of the log returns it (none for a repeat): see recent-rows.ts. */
export type AppendOutcome =
  { ok: true; value: AppendResult; rows: RawEventRow[] } | { ok: false; failure: AppendFailure };

type Appended = { value: AppendResult; rows: RawEventRow[] };

class AppendRejected extends Error {
  constructor(readonly failure: AppendFailure) {
    super(failure.kind);
  }
}

/**
 * One transaction for a whole group of appends, each in its own savepoint: a failing append rolls
 * back alone and the others commit together, with one fsync for the group.
 */
export function createGroupAppender(db: Db, logKey?: LogKey): (requests: AppendRequest[]) => AppendOutcome[] {
  const insert = db.prepare(
    'INSERT INTO events (position, id, stream, revision, type, data, metadata, log_prev, log_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const logTail = db.prepare('SELECT position, log_hash AS link FROM events ORDER BY position DESC LIMIT 1');
  const sequence = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'events'");
  /**
   * The log's tail, read once per group under the write lock (another process may have appended
   * since). Positions are assigned here, not by SQLite, because the link hash covers them; the
   * AUTOINCREMENT sequence still moves past every position ever used, so none is reused.
   */
  let tail = { position: 0, link: LOG_GENESIS };
  const readTail = () => {
    const last = logTail.get() as { position: number; link: string | null } | undefined;
    const issued = (sequence.get() as { seq: number } | undefined)?.seq ?? 0;
    tail = { position: Math.max(issued, last?.position ?? 0), link: last?.link ?? LOG_GENESIS };
  };
  const byId = db.prepare('SELECT position, id, stream, revision FROM events WHERE id = ?');
  const lastRevision = db.prepare('SELECT revision FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1');
  /**
   * Stream revisions seen in the group's transaction. The write lock holds them still from the
   * group's start, so only the group's own appends move them (kept up to date below). A group's
   * commands mostly read the same cycle and catalogue: one lookup each per group, not per command
   * (those lookups were a fifth of the writer's CPU).
   */
  const revisions = new Map<string, number>();
  const currentRevision = (stream: string) => {
    let revision = revisions.get(stream);
    if (revision === undefined) {
      revision = (lastRevision.get(stream) as { revision: number } | undefined)?.revision ?? -1;
      revisions.set(stream, revision);
    }
    return revision;
  };

  const hashAt = db.prepare("SELECT metadata ->> '$.hash' AS hash FROM events WHERE stream = ? AND revision = ?");
  /** The stream's chain head at `revision` (the stream's newest), for events linked here. */
  const chainHead = (stream: string, revision: number): ChainHead => {
    if (revision < 0) return GENESIS;
    const stored = hashAt.get(stream, revision) as { hash: unknown } | undefined;
    return { revision, hash: typeof stored?.hash === 'string' ? stored.hash : '' };
  };

  const appendOne = db.transaction((request: AppendRequest): Appended => {
    const { stream, expectedRevision, readStreams } = request;
    let { events } = request;
    const stored = byId.get(events[0].id) as EventRow | undefined;
    if (stored) return { value: confirmRetry(stream, events, expectedRevision, stored), rows: [] };
    for (const read of readStreams ?? []) {
      const actual = currentRevision(read.stream);
      if (actual !== read.revision)
        throw new AppendRejected({
          kind: 'wrong_expected_revision',
          stream: read.stream,
          expected: read.revision < 0 ? 'no_stream' : read.revision,
          actual,
        });
    }
    const current = currentRevision(stream);
    const ok =
      expectedRevision === 'any' || (expectedRevision === 'no_stream' ? current === -1 : expectedRevision === current);
    if (!ok)
      throw new AppendRejected({
        kind: 'wrong_expected_revision',
        stream,
        expected: expectedRevision,
        actual: current,
      });
    if (request.chainStream) events = chainEvents(stream, chainHead(stream, current), events);
    const rows: RawEventRow[] = [];
    events.forEach((event, i) => {
      try {
        const row = {
          stream,
          revision: current + 1 + i,
          position: tail.position + 1,
          id: event.id,
          type: event.type,
          data: JSON.stringify(event.data),
          metadata: JSON.stringify(event.metadata),
        };
        const link = linkHash(logKey, tail.link, logLeaf(logEntry(row)));
        insert.run(row.position, row.id, stream, row.revision, row.type, row.data, row.metadata, tail.link, link);
        tail = { position: row.position, link };
        rows.push([row.position, row.id, stream, row.revision, row.type, row.data, row.metadata]);
      } catch (error) {
        if ((error as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT'))
          throw new AppendRejected({ kind: 'duplicate_event_id', stream, eventId: event.id });
        throw error;
      }
    });
    revisions.set(stream, current + events.length);
    return { value: { nextRevision: current + events.length, position: tail.position }, rows };
  });

  /** Same ids at the same place as before: the first result, nothing written (as EventStoreDB does). */
  function confirmRetry(
    stream: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
    first: EventRow,
  ): AppendResult {
    let last = first;
    events.forEach((event, i) => {
      const row = byId.get(event.id) as EventRow | undefined;
      if (!row || row.stream !== stream || row.revision !== first.revision + i)
        throw new AppendRejected({ kind: 'duplicate_event_id', stream, eventId: event.id });
      last = row;
    });
    const before = first.revision - 1;
    const sameStart = expected === 'any' || (expected === 'no_stream' ? before === -1 : expected === before);
    if (!sameStart)
      throw new AppendRejected({ kind: 'wrong_expected_revision', stream, expected, actual: currentRevision(stream) });
    return { nextRevision: last.revision, position: last.position, alreadyStored: true };
  }

  const appendGroup = db.transaction((requests: AppendRequest[]): AppendOutcome[] => {
    readTail();
    revisions.clear(); // another process may have appended since the last group
    return requests.map((request) => {
      const before = tail;
      try {
        return { ok: true, ...appendOne(request) };
      } catch (error) {
        tail = before; // its savepoint rolled back
        if (error instanceof AppendRejected) return { ok: false, failure: error.failure };
        return { ok: false, failure: { kind: 'other', message: (error as Error).message } };
      }
    });
  });
  return (requests) => appendGroup.immediate(requests);
}
