import { ruleViolation } from '@pdca/kernel';
import type { Actor, Clock, Decider, DomainEvent } from '@pdca/kernel';
import { WrongExpectedRevisionError } from '../errors';
import type { EventMetadata, EventStore, NewEvent, RecordedEvent } from '../event-store.port';
import { eventIdFor } from './event-ids';

export interface CommandEnvelope {
  /** The idempotency key, or a fresh id per request: event ids derive from it. */
  commandId: string;
  commandType: string;
  actor: Actor;
  correlationId: string;
  /** The revision the client last saw (If-Match); a mismatch is a 409, never retried. */
  expectedRevision?: number;
  /**
   * Endpoint and body the Idempotency-Key was sent with. Stored in each event's metadata, so a
   * replay of the same command id with another request is refused, also after a restart.
   */
  requestFingerprint?: string;
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

const MAX_ATTEMPTS = 5;

/**
 * Read → fold → decide → append with the revision that was read. A concurrent write to the same
 * stream makes the append fail; without If-Match the command is decided again on the new state.
 */
export async function handleCommand<State, Command, Event extends DomainEvent>(
  store: EventStore,
  stream: string,
  decider: Decider<State, Command, Event>,
  command: Command,
  envelope: CommandEnvelope,
  clock: Clock,
): Promise<CommandResult<Event>> {
  const firstId = eventIdFor(envelope.commandId, stream, 0);
  for (let attempt = 1; ; attempt++) {
    const recorded = await store.readStream(stream);
    const replay = replayOf<Event>(stream, recorded, envelope.commandId, firstId);
    if (replay) return sameRequest(replay, envelope);
    const revision = recorded.length - 1;
    if (envelope.expectedRevision !== undefined && envelope.expectedRevision !== revision) {
      throw new StaleRevisionError(stream, envelope.expectedRevision, revision);
    }
    const history = recorded.map((e) => toDomainEvent<Event>(e));
    const state = decider.fold
      ? decider.fold(history)
      : history.reduce((s, e) => decider.evolve(s, e), decider.initialState());
    const events = decider.decide(command, state);
    if (events.length === 0) return { stream, revision, position: 0, events, replayed: false };
    const metadata = metadataFor(envelope, clock);
    const toAppend: NewEvent[] = events.map((event, i) => ({
      id: eventIdFor(envelope.commandId, stream, i),
      type: event.type,
      data: event.data,
      metadata,
    }));
    try {
      const result = await store.append(stream, toAppend, { expectedRevision: revision < 0 ? 'no_stream' : revision });
      return { stream, revision: result.nextRevision, position: result.position, events, replayed: false };
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      if (envelope.expectedRevision !== undefined)
        throw new StaleRevisionError(stream, envelope.expectedRevision, error.actual);
      if (attempt >= MAX_ATTEMPTS) throw error;
    }
  }
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
  )
    throw idempotencyKeyReused();
  return result;
}

/** 422, per the IETF Idempotency-Key draft: the key was used before for another endpoint or body. */
export const idempotencyKeyReused = () =>
  ruleViolation(
    'IDEMPOTENCY_KEY_REUSED',
    'この Idempotency-Key は別の内容または別の操作で使用済みです。新しい操作には新しいキーを指定してください。',
    'This Idempotency-Key was already used for a different request (another body or endpoint); use a new key for a new request.',
    { field: 'Idempotency-Key' },
  );

function replayOf<Event>(
  stream: string,
  recorded: RecordedEvent[],
  commandId: string,
  firstId: string,
): CommandResult<Event> | undefined {
  const start = recorded.findIndex((event) => event.id === firstId);
  if (start < 0) return undefined;
  const mine = recorded.slice(start).filter((event) => event.metadata.causationId === commandId);
  const last = mine[mine.length - 1];
  return {
    stream,
    revision: last.revision,
    position: last.position,
    events: mine.map((e) => toDomainEvent<Event>(e)),
    replayed: true,
    fingerprint: recorded[start].metadata.requestFingerprint,
  } as CommandResult<Event>;
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
    recordedAt: clock.now().toISOString(),
  };
}

export const toDomainEvent = <Event>(recorded: RecordedEvent): Event =>
  ({ type: recorded.type, data: recorded.data }) as Event;
