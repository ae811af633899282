import {
  ANY,
  BACKWARDS,
  CancelledError,
  DeadlineExceededError,
  END,
  EventStoreDBClient,
  excludeSystemEvents,
  FORWARDS,
  jsonEvent,
  NO_STREAM,
  NotLeaderError,
  START,
  StreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type AppendExpectedRevision,
  type JSONType,
  type Position,
  type ReadPosition,
  type RecordedEvent as EsdbRecordedEvent,
} from '@eventstore/db-client';
import { EventStoreUnavailableError, WrongExpectedRevisionError } from '../errors';
import { SharedStrings } from '../shared-strings';
import type {
  AppendOptions,
  AppendResult,
  EventMetadata,
  EventStore,
  EventSubscription,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
} from '../event-store.port';

/** $all is read in pages so that a long run of system events never looks like the end of the log. */
const ALL_PAGE_SIZE = 1_000;
const HEAD_PAGE_SIZE = 100;
const PING_DEADLINE_MS = 2_000;
/** Buffered subscription events beyond which the gRPC stream is paused, so a slow consumer pushes back on the server. */
const SUBSCRIPTION_HIGH_WATER = 512;

/**
 * EventStoreDB adapter. Needs a server of 22.6 or later: older servers report no $all position for events read
 * from a single stream (the adapter then reports position -1 for them).
 */
export class EsdbEventStore implements EventStore {
  /** An idempotent append comes back as the first one did: a repeat cannot be told from a write. */
  readonly tellsRepeats = false;
  readonly chainsStreams = false;
  private readonly subscriptions = new Set<EsdbSubscription>();
  /** The log read in order feeds the read models, which keep its short strings: one copy each (as on SQLite). */
  private readonly sharedStrings = new SharedStrings();
  private readonly inLogOrder = (event: EsdbRecordedEvent): RecordedEvent => {
    const recorded = toRecordedEvent(event);
    this.sharedStrings.shareIn(recorded.data);
    return recorded;
  };

  private constructor(private readonly client: EventStoreDBClient) {}

  static connect(connectionString: string): EsdbEventStore {
    return new EsdbEventStore(EventStoreDBClient.connectionString(connectionString));
  }

  async append(
    stream: string,
    events: readonly NewEvent[],
    { expectedRevision, readStreams = [] }: AppendOptions,
  ): Promise<AppendResult> {
    if (events.length === 0) throw new Error('append needs at least one event');
    // No multi-stream condition in EventStoreDB: the streams the decision read are checked right
    // before the append, which leaves the moment between the two open (SQLite closes it).
    for (const read of readStreams) {
      const actual = await this.streamRevision(read.stream);
      if (actual !== read.revision)
        throw new WrongExpectedRevisionError(read.stream, read.revision < 0 ? 'no_stream' : read.revision, actual);
    }
    try {
      const result = await this.client.appendToStream(stream, events.map(toEventData), {
        expectedRevision: toEsdbRevision(expectedRevision),
      });
      const nextRevision = Number(result.nextExpectedRevision);
      // Only reached with throwOnAppendFailure=false in the connection string.
      if (!result.success) throw new WrongExpectedRevisionError(stream, expectedRevision, nextRevision);
      const position = result.position ? toPosition(result.position) : -1;
      // An idempotent retry may come back without a position on some server versions: look the event up.
      return { nextRevision, position: position >= 0 ? position : await this.positionOf(stream, nextRevision) };
    } catch (error) {
      throw translateError(error, stream, expectedRevision);
    }
  }

  async readStream(
    stream: string,
    { fromRevision, maxCount, direction = 'forwards' }: ReadStreamOptions = {},
  ): Promise<RecordedEvent[]> {
    if (maxCount === 0) return [];
    const backwards = direction === 'backwards';
    try {
      const read = this.client.readStream(stream, {
        fromRevision: backwards
          ? fromRevision === undefined
            ? END
            : BigInt(fromRevision)
          : fromRevision
            ? BigInt(fromRevision)
            : START,
        direction: backwards ? BACKWARDS : FORWARDS,
        ...(maxCount === undefined ? {} : { maxCount }),
      });
      const events: RecordedEvent[] = [];
      for await (const resolved of read) if (resolved.event) events.push(toRecordedEvent(resolved.event));
      return events;
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw translateError(error);
    }
  }

  async streamRevision(stream: string): Promise<number> {
    const [newest] = await this.readStream(stream, { direction: 'backwards', maxCount: 1 });
    return newest ? newest.revision : -1;
  }

  /** ESDB reads $all from a position inclusively; the port's `after` is exclusive, so the event at `after` is dropped. */
  async readAll({ after = 0, maxCount = Infinity }: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    let cursor = after > 0 ? after : undefined;
    try {
      while (events.length < maxCount) {
        const pageSize = Math.min(ALL_PAGE_SIZE, maxCount - events.length + 1);
        const page = await this.readAllPage(cursor === undefined ? START : allPosition(cursor), FORWARDS, pageSize);
        let advanced = false;
        for (const event of page) {
          const position = toPosition(event.position);
          if (cursor !== undefined && position <= cursor) continue;
          cursor = position;
          advanced = true;
          if (!isSystemEvent(event)) events.push(this.inLogOrder(event));
          if (events.length === maxCount) break;
        }
        if (page.length < pageSize || !advanced) break;
      }
      return events;
    } catch (error) {
      throw translateError(error);
    }
  }

  subscribeToAll({ after = 0 }: SubscribeOptions = {}): EventSubscription {
    const source = this.client.subscribeToAll({
      fromPosition: after > 0 ? allPosition(after) : START,
      filter: excludeSystemEvents(),
    });
    const subscription = new EsdbSubscription(source, after > 0 ? after : -1, this.inLogOrder, () =>
      this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<number> {
    try {
      let from: ReadPosition = END;
      for (;;) {
        const page = await this.readAllPage(from, BACKWARDS, HEAD_PAGE_SIZE);
        const newest = page.find((event) => !isSystemEvent(event));
        if (newest) return toPosition(newest.position);
        if (page.length < HEAD_PAGE_SIZE) return 0;
        from = page[page.length - 1].position;
      }
    } catch (error) {
      throw translateError(error);
    }
  }

  async ping(): Promise<boolean> {
    try {
      const read = this.client.readAll({
        direction: BACKWARDS,
        fromPosition: END,
        maxCount: 1,
        deadline: PING_DEADLINE_MS,
      });
      for await (const resolved of read) void resolved;
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.client.dispose();
  }

  private async readAllPage(from: ReadPosition, direction: typeof FORWARDS | typeof BACKWARDS, maxCount: number) {
    const page: EsdbRecordedEvent[] = [];
    for await (const resolved of this.client.readAll({ fromPosition: from, direction, maxCount })) {
      if (resolved.event) page.push(resolved.event);
    }
    return page as Array<EsdbRecordedEvent & { position: Position }>;
  }

  private async positionOf(stream: string, revision: number): Promise<number> {
    if (revision < 0) return 0;
    const [event] = await this.readStream(stream, { fromRevision: revision, maxCount: 1 });
    return event?.position ?? -1;
  }
}

/** Adapts the client's Node stream to the port: a pull-based iterator that ends on close(). */
class EsdbSubscription implements EventSubscription {
  private readonly buffer: RecordedEvent[] = [];
  private waiter?: { resolve: (result: IteratorResult<RecordedEvent>) => void; reject: (error: unknown) => void };
  private failure?: unknown;
  private closed = false;

  constructor(
    private readonly source: AllStreamSubscription,
    /** Events at or before this position were asked to be skipped, or have been delivered already. */
    private lastPosition: number,
    private readonly toRecorded: (event: EsdbRecordedEvent) => RecordedEvent,
    private readonly onClosed: () => void,
  ) {
    source.on('data', (resolved: AllStreamResolvedEvent) => this.accept(resolved));
    source.on('error', (error: unknown) => this.fail(translateError(error)));
    source.on('end', () => this.fail(new EventStoreUnavailableError('EventStoreDB ended the $all subscription')));
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    return {
      next: () => this.next(),
      return: async () => {
        await this.close();
        return { done: true, value: undefined };
      },
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.buffer.length = 0;
    this.settle({ done: true, value: undefined });
    this.onClosed();
    await this.source.unsubscribe();
  }

  private next(): Promise<IteratorResult<RecordedEvent>> {
    const event = this.buffer.shift();
    if (this.buffer.length < SUBSCRIPTION_HIGH_WATER / 2 && this.source.isPaused()) this.source.resume();
    if (event) return Promise.resolve({ done: false, value: event });
    if (this.closed) return Promise.resolve({ done: true, value: undefined });
    if (this.failure)
      return Promise.reject(
        this.failure instanceof Error ? this.failure : new Error('subscription failed', { cause: this.failure }),
      );
    return new Promise((resolve, reject) => (this.waiter = { resolve, reject }));
  }

  private accept({ event }: AllStreamResolvedEvent): void {
    if (this.closed || !event) return;
    const position = toPosition(event.position);
    if (position <= this.lastPosition) return;
    this.lastPosition = position;
    if (isSystemEvent(event)) return;
    const recorded = this.toRecorded(event);
    if (this.waiter) return this.settle({ done: false, value: recorded });
    this.buffer.push(recorded);
    if (this.buffer.length >= SUBSCRIPTION_HIGH_WATER) this.source.pause();
  }

  private fail(error: unknown): void {
    if (this.closed || this.failure) return;
    this.failure = error;
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.reject(error);
  }

  private settle(result: IteratorResult<RecordedEvent>): void {
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.resolve(result);
  }
}

function toEventData(event: NewEvent) {
  return jsonEvent({
    id: event.id,
    type: event.type,
    data: (event.data ?? null) as JSONType,
    metadata: event.metadata,
  });
}

function toEsdbRevision(expected: ExpectedRevision): AppendExpectedRevision {
  if (expected === 'no_stream') return NO_STREAM;
  if (expected === 'any') return ANY;
  return BigInt(expected);
}

function toRecordedEvent(event: EsdbRecordedEvent): RecordedEvent {
  return {
    id: event.id,
    stream: event.streamId,
    revision: Number(event.revision),
    position: event.position ? toPosition(event.position) : -1,
    type: event.type,
    data: event.data,
    metadata: event.metadata as EventMetadata,
  };
}

/** Modern servers give every event commit == prepare == its own log position; -1 marks "not reported" (2^64-1). */
function toPosition(position: Position): number {
  return position.commit > BigInt(Number.MAX_SAFE_INTEGER) ? -1 : Number(position.commit);
}

function allPosition(position: number): Position {
  return { commit: BigInt(position), prepare: BigInt(position) };
}

function isSystemEvent(event: EsdbRecordedEvent): boolean {
  return event.type.startsWith('$') || event.streamId.startsWith('$');
}

function translateError(error: unknown, stream?: string, expected?: ExpectedRevision): unknown {
  if (error instanceof WrongExpectedVersionError && stream !== undefined && expected !== undefined) {
    const actual = typeof error.actualVersion === 'bigint' ? Number(error.actualVersion) : -1;
    return new WrongExpectedRevisionError(stream, expected, actual);
  }
  if (isUnavailable(error))
    return new EventStoreUnavailableError(`EventStoreDB unavailable: ${(error as Error).message}`, error);
  return error;
}

const UNAVAILABLE_GRPC_CODES = new Set([4 /* DEADLINE_EXCEEDED */, 14 /* UNAVAILABLE */]);

function isUnavailable(error: unknown): boolean {
  return (
    error instanceof UnavailableError ||
    error instanceof DeadlineExceededError ||
    error instanceof CancelledError ||
    error instanceof NotLeaderError ||
    (typeof error === 'object' &&
      error !== null &&
      UNAVAILABLE_GRPC_CODES.has((error as { code?: unknown }).code as number))
  );
}
