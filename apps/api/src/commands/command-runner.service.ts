import { Inject, Injectable } from '@nestjs/common';
import { CommandResult, EVENT_STORE, EventStore, handleCommand, PerStreamQueue } from '@pdca/event-store';
import { CLOCK, Clock, Decider, DomainEvent } from '@pdca/kernel';
import { processMetrics } from '@pdca/platform';
import { outcomeOfError } from './command-outcome';
import { ProjectionsService } from '../projections/projections.service';
import type { CommandRequest } from './command-request';
import { IdempotencyKeys } from './idempotency-keys';

export interface CommandOutcome<Event> extends CommandResult<Event> {
  /** False when the projections did not reach the write in time: the command is durable, the view may lag. */
  projected: boolean;
}

/** Runs one decider command on one stream and waits until the projections include it (read-your-writes). */
@Injectable()
export class CommandRunner {
  private readonly queue = new PerStreamQueue();
  private readonly keys = new IdempotencyKeys();
  private readonly metrics = processMetrics();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly projections: ProjectionsService,
  ) {}

  async run<State, Command, Event extends DomainEvent>(
    stream: string,
    decider: Decider<State, Command, Event>,
    command: Command & { type: string },
    request: CommandRequest,
  ): Promise<CommandOutcome<Event>> {
    const started = performance.now();
    try {
      const handle = () =>
        this.queue.run(stream, () =>
          handleCommand(this.store, stream, decider, command, { ...request, commandType: command.type }, this.clock),
        );
      const result = request.requestFingerprint
        ? await this.keys.guard(request.commandId, request.requestFingerprint, handle)
        : await handle();
      const projected = result.position === 0 || (await this.projections.waitFor(result.position));
      this.metrics.observeCommand(
        command.type,
        result.replayed ? 'replayed' : 'accepted',
        (performance.now() - started) / 1_000,
      );
      return { ...result, projected };
    } catch (error) {
      this.metrics.observeCommand(command.type, outcomeOfError(error), (performance.now() - started) / 1_000);
      throw error;
    }
  }

  now(): Date {
    return this.clock.now();
  }
}
