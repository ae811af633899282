import { randomUUID } from 'node:crypto';

/**
 * In-memory model of an EventStoreDB transaction log: streams, the global $all
 * order, and the write-time concurrency and idempotency checks the server makes.
 */
export interface ProposedEvent {
  id: string;
  type: string;
  contentType: string;
  data: Uint8Array;
  customMetadata: Uint8Array;
}

export interface StoredEvent extends ProposedEvent {
  stream: string;
  revision: number;
  /** Log position of the event's record; EventStoreDB reports it as both commit and prepare position. */
  position: number;
  createdMs: number;
}

export type ExpectedState = 'any' | 'no_stream' | 'stream_exists' | number;

export type AppendOutcome =
  | { kind: 'written' | 'idempotent'; lastRevision: number; position: number | undefined }
  | { kind: 'wrong_expected_version'; currentRevision: number | undefined };

export type LogCursor = 'start' | 'end' | number;

const RECORD_HEADER_BYTES = 90;
const SYSTEM_SEED: Array<[stream: string, type: string]> = [
  ['$epoch-information', '$epoch-information'],
  ['$settings', '$settings'],
  ['$scavenges', '$scavengeIndexInitialized'],
];

export class EventLog {
  private readonly all: StoredEvent[] = [];
  private readonly streams = new Map<string, StoredEvent[]>();
  /** Like the server's committed-events cache used for `any` retries, but unbounded. */
  private readonly lastWriteOfId = new Map<string, StoredEvent>();
  private readonly listeners = new Set<(event: StoredEvent) => void>();
  private nextPosition = 0;

  constructor() {
    // A real database is never empty: system events come first, so user events never sit at position 0.
    for (const [stream, type] of SYSTEM_SEED) this.appendSystemEvent(stream, type);
  }

  append(stream: string, expected: ExpectedState, proposed: readonly ProposedEvent[]): AppendOutcome {
    const existing = this.streams.get(stream) ?? [];
    const current = existing.length - 1;
    const rejected: AppendOutcome = {
      kind: 'wrong_expected_version',
      currentRevision: current < 0 ? undefined : current,
    };

    if (expected === 'stream_exists' && current < 0) return rejected;
    if (expected === 'any' || expected === 'stream_exists') {
      const retried = this.retriedAnywhereInStream(stream, proposed);
      if (retried === 'corrupted') return rejected;
      if (retried) return retried;
      return this.write(stream, current, proposed);
    }
    const expectedRevision = expected === 'no_stream' ? -1 : expected;
    if (expectedRevision < current) return this.retriedAt(existing, expectedRevision, proposed) ?? rejected;
    if (expectedRevision > current) return rejected;
    return this.write(stream, current, proposed);
  }

  appendSystemEvent(stream: string, type: string): StoredEvent {
    const proposed = {
      id: randomUUID(),
      type,
      contentType: 'application/json',
      data: Buffer.from('{}'),
      customMetadata: new Uint8Array(),
    };
    this.write(stream, (this.streams.get(stream)?.length ?? 0) - 1, [proposed]);
    return this.all[this.all.length - 1];
  }

  /** undefined when the stream has never been written. */
  readStream(stream: string, from: LogCursor, forwards: boolean, count: number): StoredEvent[] | undefined {
    const events = this.streams.get(stream);
    if (!events) return undefined;
    if (forwards) {
      const start = from === 'start' ? 0 : from === 'end' ? events.length : from;
      return events.slice(start, start + count);
    }
    const last = from === 'end' ? events.length - 1 : from === 'start' ? -1 : Math.min(from, events.length - 1);
    return events.slice(Math.max(0, last - count + 1), last + 1).reverse();
  }

  /** Forwards from a position includes the event at it; backwards from a position excludes it, as on the server. */
  rewrite(stream: string, revision: number, data: (text: string) => string): void {
    const event = this.streams.get(stream)?.[revision];
    if (!event) throw new Error(`no ${stream}@${revision}`);
    event.data = Buffer.from(data(Buffer.from(event.data).toString('utf8')), 'utf8');
  }

  /** Deletes a stored event from the log and its stream, as someone with the server's files could (tamper tests). */
  remove(stream: string, revision: number): void {
    const events = this.streams.get(stream);
    const event = events?.find((e) => e.revision === revision);
    if (!events || !event) throw new Error(`no ${stream}@${revision}`);
    events.splice(events.indexOf(event), 1);
    this.all.splice(this.all.indexOf(event), 1);
  }

  readAll(from: LogCursor, forwards: boolean, count: number): StoredEvent[] {
    if (forwards) {
      const start = from === 'start' ? 0 : from === 'end' ? this.all.length : this.firstIndexAtOrAfter(from);
      return this.all.slice(start, start + count);
    }
    const end = from === 'end' ? this.all.length : from === 'start' ? 0 : this.firstIndexAtOrAfter(from);
    return this.all.slice(Math.max(0, end - count), end).reverse();
  }

  /** Events strictly after a position (all of them for 'start'); subscriptions use exclusive checkpoints. */
  eventsAfter(from: LogCursor): StoredEvent[] {
    if (from === 'start') return this.all.slice();
    if (from === 'end') return [];
    return this.all.slice(this.firstIndexAtOrAfter(from + 1));
  }

  onAppended(listener: (event: StoredEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private write(stream: string, current: number, proposed: readonly ProposedEvent[]): AppendOutcome {
    const events = this.streams.get(stream) ?? [];
    const written = proposed.map((event, i): StoredEvent => {
      const position = this.nextPosition;
      this.nextPosition +=
        RECORD_HEADER_BYTES + stream.length + event.type.length + event.data.length + event.customMetadata.length;
      return { ...event, stream, revision: current + 1 + i, position, createdMs: Date.now() };
    });
    if (written.length > 0) this.streams.set(stream, events);
    for (const event of written) {
      events.push(event);
      this.all.push(event);
      this.lastWriteOfId.set(event.id, event);
    }
    for (const event of written) for (const listener of this.listeners) listener(event);
    const last = written[written.length - 1];
    return { kind: 'written', lastRevision: last?.revision ?? current, position: last?.position };
  }

  /** Exact-revision retry: every id must match the stored event at its place, starting right after `expected`. */
  private retriedAt(
    existing: StoredEvent[],
    expected: number,
    proposed: readonly ProposedEvent[],
  ): AppendOutcome | undefined {
    if (proposed.length === 0) return undefined;
    const matches = proposed.every((event, i) => existing[expected + 1 + i]?.id === event.id);
    if (!matches) return undefined;
    const last = existing[expected + proposed.length];
    return { kind: 'idempotent', lastRevision: last.revision, position: last.position };
  }

  /** `any` retry: recognised by event id alone, but only when the ids were last written to this same stream. */
  private retriedAnywhereInStream(
    stream: string,
    proposed: readonly ProposedEvent[],
  ): AppendOutcome | 'corrupted' | undefined {
    const found = proposed.map((event) => this.lastWriteOfId.get(event.id));
    const inStream = found.map((event) => (event?.stream === stream ? event : undefined));
    if (!inStream[0]) return undefined;
    if (inStream.some((event) => !event)) return 'corrupted';
    const last = inStream[inStream.length - 1]!;
    return { kind: 'idempotent', lastRevision: last.revision, position: last.position };
  }

  private firstIndexAtOrAfter(position: number): number {
    let low = 0;
    let high = this.all.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.all[mid].position < position) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
