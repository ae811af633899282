import { Inject, Injectable } from '@nestjs/common';
import {
  CommandPipeline,
  CommandResult,
  CommandSource,
  EVENT_STORE,
  EventStore,
  FirstAttempt,
} from '@pdca/event-store';
import { CLOCK, Clock, Decider, DomainEvent } from '@pdca/kernel';
import { processMetrics } from '@pdca/platform';
import { outcomeOfError } from './command-outcome';
import { ProjectionsService } from '../projections/projections.service';
import type { CommandRequest } from './command-request';

export interface CommandOutcome<Event> extends CommandResult<Event> {
  /** False when the projections did not reach the write in time: the command is durable, the view may lag. */
  projected: boolean;
}

/**
 * The API's side of the command pipeline: this process's one CommandPipeline (shared with the
 * import, so both queue on the same streams), the command metrics, and read-your-writes (the
 * answer waits until this process's projections include the write).
 */
@Injectable()
export class CommandRunner {
  readonly pipeline: CommandPipeline;
  private readonly metrics = processMetrics();

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly projections: ProjectionsService,
  ) {
    this.pipeline = new CommandPipeline(store, clock);
  }

  /**
   * `command` may be a loader (then name its type): it runs inside the stream's queue, on every
   * attempt. `first`: what the first attempt may start from instead of a read (FirstAttempt).
   */
  async run<State, Command extends { type: string }, Event extends DomainEvent>(
    stream: string,
    decider: Decider<State, Command, Event>,
    command: CommandSource<Command>,
    request: CommandRequest,
    commandType = typeof command === 'function' ? 'Command' : command.type,
    first: FirstAttempt<State> = {},
  ): Promise<CommandOutcome<Event>> {
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1_000;
    try {
      const envelope = { ...request, commandType };
      const result = await this.pipeline.execute({ stream, decider, command, envelope, ...first });
      const projected = result.position === 0 || (await this.projections.waitFor(result.position));
      this.metrics.observeCommand(commandType, result.replayed ? 'replayed' : 'accepted', seconds());
      return { ...result, projected };
    } catch (error) {
      this.metrics.observeCommand(commandType, outcomeOfError(error), seconds());
      throw error;
    }
  }

  now(): Date {
    return this.clock.now();
  }
}
