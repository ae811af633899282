import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CycleCommand, cycleDecider, CycleEvent, cycleStream } from '@pdca/review';
import type { CommandRequest } from '../commands/command-request';
import { CommandOutcome, CommandRunner } from '../commands/command-runner.service';
import { PublicationService } from '../reports/publication.service';
import { OutstandingItemsService } from './outstanding-items.service';

type WithoutContext<C> = C extends unknown ? Omit<C, 'context'> : never;
type CycleChange = WithoutContext<CycleCommand>;
type PublishData = { reason?: string };
type CloseData = { confirmOutstanding: boolean };

/** Open, extend, close, reopen, exclude, change reminders; closing gets its checklist and publishing its pinned data computed here. */
export class RunCycleCommand {
  constructor(
    readonly wardId: string,
    readonly fiscalYear: number,
    readonly change:
      | Exclude<CycleChange, { type: 'CloseCycle' | 'PublishReport' | 'CorrectReport' }>
      | { type: 'CloseCycle'; data: CloseData }
      | { type: 'PublishReport' | 'CorrectReport'; data: PublishData },
    readonly request: CommandRequest,
  ) {}
}

@CommandHandler(RunCycleCommand)
export class RunCycleHandler implements ICommandHandler<RunCycleCommand, CommandOutcome<CycleEvent>> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly publications: PublicationService,
    private readonly outstanding: OutstandingItemsService,
  ) {}

  async execute({ wardId, fiscalYear, change, request }: RunCycleCommand): Promise<CommandOutcome<CycleEvent>> {
    const now = this.runner.now();
    const context = { actor: request.actor, wardId, fiscalYear, now: now.toISOString() };
    let command: CycleCommand;
    if (change.type === 'PublishReport' || change.type === 'CorrectReport') {
      const draft = await this.publications.draft(wardId, fiscalYear, now);
      command =
        change.type === 'PublishReport'
          ? { type: 'PublishReport', data: draft, context }
          : { type: 'CorrectReport', data: { ...draft, reason: change.data.reason ?? '' }, context };
    } else if (change.type === 'CloseCycle') {
      const outstanding = await this.outstanding.of(wardId, fiscalYear, now);
      command = {
        type: 'CloseCycle',
        data: { outstanding, confirmOutstanding: change.data.confirmOutstanding },
        context,
      };
    } else {
      command = { ...change, context } as CycleCommand;
    }
    return this.runner.run(cycleStream(wardId, fiscalYear), cycleDecider, command, request);
  }
}
