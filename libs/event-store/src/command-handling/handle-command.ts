import type { Actor, Clock, Decider, DomainEvent } from '@pdca/kernel';
import { DuplicateEventIdError, WrongExpectedRevisionError } from '../errors';
import type { EventMetadata, EventStore, NewEvent, RecordedEvent, StreamRevision } from '../event-store.port';
import { eventIdFor, firstEventIdsFor, keyEventIdFor } from './event-ids';
import { FoldedStream, readFolded, toDomainEvent } from './fold-stream';
import { idempotencyKeyReused } from './idempotency-keys';

/** Who sends a command: a user, or a system actor such as the reminder worker (a role of its own). */
export type CommandActor = Omit<Actor, 'role'> & { role: string };

export interface CommandEnvelope {
  /** The idempotency key, or a fresh id per request: event ids derive from it. */
  commandId: string;
  commandType: string;
  actor: CommandActor;
  correlationId: string;
  /** The revision the client last saw (If-Match); a mismatch is a 409, never retried. */
  expectedRevision?: number;
  /**
   * Endpoint and body the Idempotency-Key was sent with (only with a key). Stored in each event's
   * metadata, so a replay of the same command id with another request is refused, also after a
   * restart; and the command's first event id then derives from the key alone (keyEventIdFor).
   */
  requestFingerprint?: string;
  /** Further facts recorded with each event (e.g. the import that wrote it). */
  metadata?: Record<string, string>;
}

export interface CommandResult<Event> {
  stream: string;
  /** Stream revision after the command (-1: the stream does not exist). */
  revision: number;
  /** Global position of the last event written by the command (0 when nothing was written). */
  position: number;
  events: Event[];
  /** True when this command id had already been handled: nothing new was written. */
  replayed: boolean;
}

export class StaleRevisionError extends Error {
  readonly code = 'STALE_REVISION';
  constructor(
    readonly stream: string,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`stream ${stream} is at revision ${actual}, not ${expected}`);
    this.name = 'StaleRevisionError';
  }
}

/**
 * What a command's loader is told, and tells back, on each attempt. On the first it may build the
 * context from states it has cached without asking the store whether they are current: it names each
 * stream it read at the revision it read, the append fails if one of them has moved, and the next
 * attempt reads them again. A refusal (the loader or the decision throwing) on cached states is never
 * answered as it is: it is decided again on the streams as they are.
 */
export interface ContextReads {
  readonly mayUseCached: boolean;
  dependOn(stream: string, revision: number): void;
}

/**
 * The streams a command was decided on kept moving through every attempt: not the client's If-Match
 * (the item's revision is not what moved), so it carries no revision to retry with.
 */
export class ContextChangedError extends Error {
  readonly code = 'CONTEXT_CHANGED';
  constructor(
    readonly stream: string,
    readonly contextStream: string,
  ) {
    super(`${stream}: the context stream ${contextStream} moved during every attempt`);
    this.name = 'ContextChangedError';
  }
}

/** The command itself, or a loader that builds it (with its context read from other streams) on each attempt. */
export type CommandSource<Command> = Command | ((reads: ContextReads) => Command | Promise<Command>);

export interface RetryPolicy {
  attempts: number;
  /** Full jitter: before attempt n+1, wait a random time up to min(maxMs, baseMs · 2ⁿ). */
  baseMs: number;
  maxMs: number;
}

/** Conflicts reach here only from other processes (one process queues its own per stream): a few short waits. */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 6, baseMs: 2, maxMs: 100 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What the first attempt may start from instead of reading the command's own stream. */
export interface FirstAttempt<State> {
  /** The stream as the caller read it moments ago (events included): if it moved since, the append fails. */
  known?: FoldedStream<State>;
  /**
   * The caller's views hold no event of the stream (an item nobody has touched this year): decided
   * on the initial state without a read, appended on condition that the stream is still absent.
   * Only on a store that tells a repeat from a write, since no read looks for the command's events.
   */
  presumedNew?: boolean;
}

/**
 * Read → fold → decide → append with the revision that was read. A concurrent write to the same
 * stream makes the append fail; without If-Match the command is decided again on the new state,
 * after a jittered wait so that two processes do not collide again in step.
 */
export async function handleCommand<State, Command, Event extends DomainEvent>(
  store: EventStore,
  stream: string,
  decider: Decider<State, Command, Event>,
  source: CommandSource<Command>,
  envelope: CommandEnvelope,
  clock: Clock,
  retry: RetryPolicy = DEFAULT_RETRY,
  first: FirstAttempt<State> = {},
): Promise<CommandResult<Event>> {
  const ids = eventIdsOf(envelope, stream);
  for (let attempt = 1; ; attempt++) {
    // Presumed absent, the stream is not read: anything that could come from that presumption being
    // wrong (a refusal, nothing to do, an If-Match mismatch, a conflict, a repeat of a stored command)
    // is decided again on the stream as read, where a repeat is found and answered as one.
    const presumed = attempt === 1 && first.presumedNew === true && store.tellsRepeats;
    // A stream the caller has just read is decided on as it was: if it moved since, the append at
    // that revision fails and the next attempt reads it again.
    const { state, revision, recorded } = presumed
      ? { state: decider.initialState(), revision: -1, recorded: [] }
      : attempt === 1 && first.known
        ? first.known
        : await readFolded<State, Event>(store, stream, decider);
    const replay =
      recorded.length > 0 ? replayOf<Event>(stream, recorded, envelope.commandId, ids.firstIds()) : undefined;
    if (replay) return sameRequest(replay, envelope);
    if (envelope.expectedRevision !== undefined && envelope.expectedRevision !== revision) {
      if (presumed) continue;
      throw new StaleRevisionError(stream, envelope.expectedRevision, revision);
    }
    const readStreams: StreamRevision[] = [];
    const reads: ContextReads = {
      mayUseCached: attempt === 1,
      dependOn: (read, at) => readStreams.push({ stream: read, revision: at }),
    };
    let events: Event[];
    try {
      const command =
        typeof source === 'function'
          ? await (source as (r: ContextReads) => Command | Promise<Command>)(reads)
          : source;
      events = decider.decide(command, state);
    } catch (error) {
      if ((presumed || (reads.mayUseCached && readStreams.length > 0)) && attempt < retry.attempts) continue;
      throw error;
    }
    if (events.length === 0) {
      if (presumed) continue; // nothing to do on a new stream says nothing about the stream as it is
      return { stream, revision, position: 0, events, replayed: false };
    }
    const metadata = metadataFor(envelope, clock);
    const toAppend: NewEvent[] = events.map((event, i) => ({
      id: ids.of(i),
      type: event.type,
      data: event.data,
      metadata,
    }));
    try {
      const result = await store.append(stream, toAppend, {
        expectedRevision: revision < 0 ? 'no_stream' : revision,
        ...(readStreams.length > 0 ? { readStreams } : {}),
      });
      // Its ids were stored already (another process wrote this command after the stream was read,
      // or it was presumed new): read, where the repeat is found and answered, or refused as a reuse.
      if (result.alreadyStored) continue;
      return { stream, revision: result.nextRevision, position: result.position, events, replayed: false };
    } catch (error) {
      // The key's own event id is stored on another stream: the key was used for another item.
      if (error instanceof DuplicateEventIdError && error.eventId === ids.keyId) throw idempotencyKeyReused();
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      // A context stream that moved is not the client's If-Match: decided again on the moved context.
      const contextMoved = error.stream !== stream;
      if (!contextMoved && envelope.expectedRevision !== undefined)
        throw new StaleRevisionError(stream, envelope.expectedRevision, error.actual);
      if (attempt >= retry.attempts) throw contextMoved ? new ContextChangedError(stream, error.stream) : error;
      if (!contextMoved) await sleep(Math.random() * Math.min(retry.maxMs, retry.baseMs * 2 ** attempt));
    }
  }
}

/** Event ids of a command on a stream; with a key, the first derives from the key alone. */
function eventIdsOf(envelope: CommandEnvelope, stream: string) {
  const keyId = envelope.requestFingerprint !== undefined ? keyEventIdFor(envelope.commandId) : undefined;
  return {
    keyId,
    // Events written before key-derived ids still replay: their first id derives from the stream.
    // Computed only for a stream that has events (a name-based UUID is a SHA-1 each).
    firstIds: () => firstEventIdsFor(envelope.commandId, stream),
    of: (index: number) => (index === 0 && keyId ? keyId : eventIdFor(envelope.commandId, stream, index)),
  };
}

/** Events written before fingerprints were recorded carry none: those replays are accepted as before. */
function sameRequest<Event>(
  replay: CommandResult<Event> & { fingerprint?: unknown },
  envelope: CommandEnvelope,
): CommandResult<Event> {
  const { fingerprint, ...result } = replay;
  if (
    fingerprint !== undefined &&
    envelope.requestFingerprint !== undefined &&
    fingerprint !== envelope.requestFingerprint
  ) {
    throw idempotencyKeyReused();
  }
  return result;
}

function replayOf<Event>(stream: string, recorded: RecordedEvent[], commandId: string, firstIds: string[]) {
  const start = recorded.findIndex((event) => firstIds.includes(event.id));
  if (start < 0) return undefined;
  // The first is the command's by its id; the rest by their causation id.
  const mine = recorded.slice(start).filter((event, i) => i === 0 || event.metadata.causationId === commandId);
  const last = mine[mine.length - 1];
  return {
    stream,
    revision: last.revision,
    position: last.position,
    events: mine.map((e) => toDomainEvent<Event>(e)),
    replayed: true,
    fingerprint: recorded[start].metadata.requestFingerprint,
  } as CommandResult<Event> & { fingerprint?: unknown };
}

export function metadataFor(envelope: CommandEnvelope, clock: Clock): EventMetadata {
  const { actor } = envelope;
  return {
    actor: actor.userId,
    role: actor.role,
    wardId: actor.wardId,
    ...(actor.sectionId ? { sectionId: actor.sectionId } : {}),
    correlationId: envelope.correlationId,
    causationId: envelope.commandId,
    commandType: envelope.commandType,
    ...(envelope.requestFingerprint ? { requestFingerprint: envelope.requestFingerprint } : {}),
    ...envelope.metadata,
    recordedAt: clock.now().toISOString(),
  };
}
