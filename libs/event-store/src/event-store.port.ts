/**
 * The one contract every event-store adapter (SQLite, EventStoreDB) fulfils.
 * Positions and revisions are plain numbers: EventStoreDB's commit positions
 * are byte offsets far below 2^53 for any plausible ward-sized log.
 */
export type ExpectedRevision = 'no_stream' | 'any' | number;

export interface EventMetadata {
  actor: string;
  role: string;
  correlationId: string;
  causationId: string;
  recordedAt: string;
  [key: string]: unknown;
}

export interface NewEvent<Data = unknown> {
  id: string;
  type: string;
  data: Data;
  metadata: EventMetadata;
}

export interface RecordedEvent<Data = unknown> extends NewEvent<Data> {
  stream: string;
  /** 0-based position of the event inside its stream. */
  revision: number;
  /** Global, strictly increasing position in the log of all events. */
  position: number;
}

/** A stream at the revision a decision read it (-1: it did not exist). */
export interface StreamRevision {
  stream: string;
  revision: number;
}

export interface AppendOptions {
  expectedRevision: ExpectedRevision;
  /**
   * Other streams the decision was made on (its context), each at the revision it was read at: the
   * append fails with WrongExpectedRevisionError naming the first one that has moved since. On SQLite
   * this is checked inside the append's transaction; EventStoreDB has no such condition, so its
   * adapter checks just before the append.
   */
  readStreams?: readonly StreamRevision[];
  /**
   * Link the events to their stream's audit chain (stream-chain/hash-chain.ts) inside the append,
   * on the head read under the store's write lock. Only for a store that `chainsStreams`; the
   * audit decorator (ChainedEventStore) asks for it and otherwise links them itself.
   */
  chainStream?: boolean;
}

export interface AppendResult {
  /** Revision of the last event written (or found, on an idempotent retry). */
  nextRevision: number;
  /** Global position of that last event. */
  position: number;
  /**
   * True when the events were already stored at that place (same ids, same stream, same revisions)
   * and nothing was written: a repeat of an earlier append. Only a store that `tellsRepeats` says so.
   */
  alreadyStored?: boolean;
}

export interface ReadStreamOptions {
  /** Forwards: the first revision to read. Backwards: the newest revision to read (default: the end). */
  fromRevision?: number;
  maxCount?: number;
  direction?: 'forwards' | 'backwards';
}

export interface ReadAllOptions {
  /** Exclusive: events strictly after this position. 0 reads from the start. */
  after?: number;
  maxCount?: number;
  /**
   * The reader follows the log as it grows (a subscription): events this process has just appended
   * may be returned as they were appended, without reading them back (SQLite: recent-rows.ts).
   * Whatever checks what is stored (chain and log verification) leaves this off and reads the store.
   */
  following?: boolean;
}

export interface SubscribeOptions {
  /** Exclusive checkpoint: the subscription delivers events strictly after it. */
  after?: number;
}

/** Catch-up then live; iterate with for-await, stop with close(). */
export interface EventSubscription extends AsyncIterable<RecordedEvent> {
  close(): Promise<void>;
}

export interface EventStore {
  /**
   * Whether `append` tells a repeat from a write (AppendResult.alreadyStored). SQLite can: it looks
   * the ids up under its write lock. EventStoreDB answers a repeat as it answered the write.
   */
  readonly tellsRepeats: boolean;
  /**
   * Whether `append` can link the events to their stream's chain itself (AppendOptions.chainStream).
   * SQLite can, in its writer thread: the hashing leaves the event loop, and the head it links to is
   * the one under its write lock, never a stale cache.
   */
  readonly chainsStreams: boolean;
  append(stream: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult>;
  /** Events of one stream in revision order; an empty array when the stream does not exist. */
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** Revision of the newest event of a stream, -1 when it does not exist (no event data is read). */
  streamRevision(stream: string): Promise<number>;
  /** Events of all streams in global order. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  subscribeToAll(options?: SubscribeOptions): EventSubscription;
  /** Position of the newest event in the store (0 when empty). */
  headPosition(): Promise<number>;
  /** True when the backing store answers; used by readiness checks. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EVENT_STORE');
