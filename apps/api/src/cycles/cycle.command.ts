import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CycleCommand, cycleDecider, CycleEvent, cycleStream } from '@pdca/review';
import type { CommandRequest } from '../commands/command-request';
import { CommandOutcome, CommandRunner } from '../commands/command-runner.service';
import { PublicationService } from '../reports/publication.service';

type WithoutContext<C> = C extends unknown ? Omit<C, 'context'> : never;
type CycleChange = WithoutContext<CycleCommand>;
type PublishData = { reason?: string };

/** Open, extend, close, change reminders; publish and correct get their pinned data computed here. */
export class RunCycleCommand {
  constructor(
    readonly wardId: string,
    readonly fiscalYear: number,
    readonly change: CycleChange | { type: 'PublishReport' | 'CorrectReport'; data: PublishData },
    readonly request: CommandRequest,
  ) {}
}

@CommandHandler(RunCycleCommand)
export class RunCycleHandler implements ICommandHandler<RunCycleCommand, CommandOutcome<CycleEvent>> {
  constructor(private readonly runner: CommandRunner, private readonly publications: PublicationService) {}

  async execute({ wardId, fiscalYear, change, request }: RunCycleCommand): Promise<CommandOutcome<CycleEvent>> {
    const now = this.runner.now();
    const context = { actor: request.actor, wardId, fiscalYear, now: now.toISOString() };
    let command: CycleCommand;
    if (change.type === 'PublishReport' || change.type === 'CorrectReport') {
      const draft = await this.publications.draft(wardId, fiscalYear, now);
      command = change.type === 'PublishReport'
        ? { type: 'PublishReport', data: draft, context }
        : { type: 'CorrectReport', data: { ...draft, reason: (change.data as PublishData).reason ?? '' }, context };
    } else {
      command = { ...change, context } as CycleCommand;
    }
    return this.runner.run(cycleStream(wardId, fiscalYear), cycleDecider, command, request);
  }
}
