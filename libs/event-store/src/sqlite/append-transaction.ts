import type { Database as Db } from 'better-sqlite3';
import type { AppendResult, ExpectedRevision, NewEvent } from '../event-store.port';
import type { EventRow } from './event-rows';

export interface AppendRequest {
  stream: string;
  events: readonly NewEvent[];
  expectedRevision: ExpectedRevision;
}

/** Outcomes cross the thread boundary as plain data; the main thread turns failures into error classes. */
export type AppendFailure =
  | { kind: 'wrong_expected_revision'; stream: string; expected: ExpectedRevision; actual: number }
  | { kind: 'duplicate_event_id'; stream: string; eventId: string }
  | { kind: 'other'; message: string };

export type AppendOutcome = { ok: true; value: AppendResult } | { ok: false; failure: AppendFailure };

class AppendRejected extends Error {
  constructor(readonly failure: AppendFailure) {
    super(failure.kind);
  }
}

/**
 * One transaction for a whole group of appends, each in its own savepoint: a failing append rolls
 * back alone and the others commit together, with one fsync for the group.
 */
export function createGroupAppender(db: Db): (requests: AppendRequest[]) => AppendOutcome[] {
  const insert = db.prepare('INSERT INTO events (id, stream, revision, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?)');
  const byId = db.prepare('SELECT position, id, stream, revision FROM events WHERE id = ?');
  const lastRevision = db.prepare('SELECT revision FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1');
  const currentRevision = (stream: string) => (lastRevision.get(stream) as { revision: number } | undefined)?.revision ?? -1;

  const appendOne = db.transaction(({ stream, events, expectedRevision }: AppendRequest): AppendResult => {
    const stored = byId.get(events[0].id) as EventRow | undefined;
    if (stored) return confirmRetry(stream, events, expectedRevision, stored);
    const current = currentRevision(stream);
    const ok = expectedRevision === 'any' || (expectedRevision === 'no_stream' ? current === -1 : expectedRevision === current);
    if (!ok) throw new AppendRejected({ kind: 'wrong_expected_revision', stream, expected: expectedRevision, actual: current });
    let position = 0;
    events.forEach((event, i) => {
      try {
        const info = insert.run(event.id, stream, current + 1 + i, event.type, JSON.stringify(event.data), JSON.stringify(event.metadata));
        position = Number(info.lastInsertRowid);
      } catch (error) {
        if ((error as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT')) throw new AppendRejected({ kind: 'duplicate_event_id', stream, eventId: event.id });
        throw error;
      }
    });
    return { nextRevision: current + events.length, position };
  });

  /** Same ids at the same place as before: the first result, nothing written (as EventStoreDB does). */
  function confirmRetry(stream: string, events: readonly NewEvent[], expected: ExpectedRevision, first: EventRow): AppendResult {
    let last = first;
    events.forEach((event, i) => {
      const row = byId.get(event.id) as EventRow | undefined;
      if (!row || row.stream !== stream || row.revision !== first.revision + i) throw new AppendRejected({ kind: 'duplicate_event_id', stream, eventId: event.id });
      last = row;
    });
    const before = first.revision - 1;
    const sameStart = expected === 'any' || (expected === 'no_stream' ? before === -1 : expected === before);
    if (!sameStart) throw new AppendRejected({ kind: 'wrong_expected_revision', stream, expected, actual: currentRevision(stream) });
    return { nextRevision: last.revision, position: last.position };
  }

  const appendGroup = db.transaction((requests: AppendRequest[]): AppendOutcome[] =>
    requests.map((request) => {
      try {
        return { ok: true, value: appendOne(request) };
      } catch (error) {
        if (error instanceof AppendRejected) return { ok: false, failure: error.failure };
        return { ok: false, failure: { kind: 'other', message: (error as Error).message } };
      }
    }),
  );
  return (requests) => appendGroup.immediate(requests);
}
