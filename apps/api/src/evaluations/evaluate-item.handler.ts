import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { nothingPlanned } from '@pdca/catalogue';
import { notFound } from '@pdca/kernel';
import { inScope, ItemView, itemView } from '@pdca/projections';
import { CycleScope, evaluationCycleOf, EvaluationContext, EvaluationEvent, evaluationDecider, evaluationStream, ItemRef } from '@pdca/review';
import { CommandOutcome, CommandRunner } from '../commands/command-runner.service';
import { CycleReader } from '../cycles/cycle-reader.service';
import { ProjectionsService } from '../projections/projections.service';
import { EvaluateItemCommand } from './evaluate-item.command';

export type EvaluationOutcome = CommandOutcome<EvaluationEvent> & { item?: ItemView };

/** Loads what decide needs (catalogue entry, cycle), runs the decider, returns the fresh view. */
@CommandHandler(EvaluateItemCommand)
export class EvaluateItemHandler implements ICommandHandler<EvaluateItemCommand, EvaluationOutcome> {
  constructor(private readonly runner: CommandRunner, private readonly cycles: CycleReader, private readonly projections: ProjectionsService) {}

  async execute({ ref, command, request }: EvaluateItemCommand): Promise<EvaluationOutcome> {
    const now = this.runner.now();
    const cycle = await this.cycles.opened(ref.wardId, ref.fiscalYear);
    const context: EvaluationContext = {
      actor: request.actor,
      item: { ...ref, ...this.catalogueFacts(ref, cycle.scope) },
      cycle: evaluationCycleOf(cycle),
      now: now.toISOString(),
    };
    const outcome = await this.runner.run(evaluationStream(ref), evaluationDecider, { ...command, context }, request);
    return { ...outcome, item: itemView(this.projections.ward(ref.wardId), ref.fiscalYear, ref.kind, ref.itemId, now) };
  }

  private catalogueFacts(ref: ItemRef, scope: CycleScope) {
    const catalogue = this.projections.ward(ref.wardId).catalogue;
    const entry = ref.kind === 'project' ? catalogue.projects[ref.itemId] : catalogue.kpis[ref.itemId];
    const included = inScope(scope, ref.kind, ref.itemId);
    if (!entry || !included) throw itemNotFound(ref);
    if (ref.kind === 'project' && 'home' in entry) {
      return { sectionId: entry.sectionId, notSuitedForShortTermEvaluation: entry.notSuitedForShortTermEvaluation, nothingPlanned: nothingPlanned(entry, ref.fiscalYear) };
    }
    return { sectionId: entry.sectionId, notSuitedForShortTermEvaluation: false, nothingPlanned: false };
  }
}

export const itemNotFound = (ref: ItemRef) =>
  notFound('ITEM_NOT_FOUND', `${ref.fiscalYear}年度の対象に「${ref.itemId}」はありません。`, `${ref.kind} ${ref.itemId} is not in the FY${ref.fiscalYear} cycle.`, { kind: ref.kind, itemId: ref.itemId });
