import type { Clock, Decider, DomainEvent } from '@pdca/kernel';
import type { EventStore } from '../event-store.port';
import {
  CommandEnvelope,
  CommandResult,
  CommandSource,
  DEFAULT_RETRY,
  FirstAttempt,
  handleCommand,
  RetryPolicy,
} from './handle-command';
import { IdempotencyKeys } from './idempotency-keys';
import { PerStreamQueue } from './per-stream-queue';

/**
 * `known`: the stream as the caller read it moments ago (e.g. the reminder ledger's check before a
 * send). `presumedNew`: the caller's views hold none of its events (the API's item routes). Either way
 * the first attempt does not read the stream; optimistic concurrency catches a stale one.
 */
export interface CommandExecution<State, Command, Event extends DomainEvent> extends FirstAttempt<State> {
  stream: string;
  decider: Decider<State, Command, Event>;
  /** The command, or its loader: the context a decision needs is read from streams, on each attempt. */
  command: CommandSource<Command>;
  envelope: CommandEnvelope;
}

/**
 * The one way a command reaches the store, in the API, the import and the worker's ledger:
 * Idempotency-Key rules (in flight, reused) → per-stream queue (this process's commands on a stream
 * one after another) → read, fold, decide → append at the revision read → on a conflict from
 * another process, bounded retries with jittered backoff → the result with its global position.
 * One instance per process, so that everything writing a stream shares its queue.
 */
export class CommandPipeline {
  private readonly queue = new PerStreamQueue();
  private readonly keys = new IdempotencyKeys();

  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly retry: RetryPolicy = DEFAULT_RETRY,
  ) {}

  execute<State, Command, Event extends DomainEvent>({
    stream,
    decider,
    command,
    envelope,
    known,
    presumedNew,
  }: CommandExecution<State, Command, Event>): Promise<CommandResult<Event>> {
    const handle = () =>
      this.queue.run(stream, () =>
        handleCommand(this.store, stream, decider, command, envelope, this.clock, this.retry, { known, presumedNew }),
      );
    const { requestFingerprint } = envelope;
    return requestFingerprint ? this.keys.guard(envelope.commandId, requestFingerprint, handle) : handle();
  }
}
