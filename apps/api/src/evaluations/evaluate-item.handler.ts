import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ItemView, itemView } from '@pdca/projections';
import { EvaluationEvent, evaluationDecider, evaluationStream } from '@pdca/review';
import { CommandOutcome, CommandRunner } from '../commands/command-runner.service';
import { ProjectionsService } from '../projections/projections.service';
import { EvaluateItemCommand } from './evaluate-item.command';
import { EvaluationContextLoader } from './evaluation-context.loader';

export { itemNotFound } from './evaluation-context.loader';

export type EvaluationOutcome = CommandOutcome<EvaluationEvent> & { item?: ItemView };

/** Runs the command with its context read from the streams, then returns the fresh view. */
@CommandHandler(EvaluateItemCommand)
export class EvaluateItemHandler implements ICommandHandler<EvaluateItemCommand, EvaluationOutcome> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly contexts: EvaluationContextLoader,
    private readonly projections: ProjectionsService,
  ) {}

  async execute({ ref, command, request }: EvaluateItemCommand): Promise<EvaluationOutcome> {
    const now = this.runner.now();
    const load = async () => ({ ...command, context: await this.contexts.load(ref, request.actor, now) });
    const outcome = await this.runner.run(evaluationStream(ref), evaluationDecider, load, request, command.type);
    return { ...outcome, item: itemView(this.projections.ward(ref.wardId), ref.fiscalYear, ref.kind, ref.itemId, now) };
  }
}
