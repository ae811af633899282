import { Injectable } from '@nestjs/common';
import { CatalogueState, nothingPlanned } from '@pdca/catalogue';
import { notFound } from '@pdca/kernel';
import type { Actor } from '@pdca/kernel';
import type { ContextReads } from '@pdca/event-store';
import { inScope } from '@pdca/projections';
import { CycleScope, evaluationCycleOf, EvaluationContext, ItemRef } from '@pdca/review';
import { CatalogueReader } from '../catalogue/catalogue-reader.service';
import { CycleReader } from '../cycles/cycle-reader.service';

/**
 * What an item's decision needs besides the item's own history, read from the streams that hold
 * it (the cycle: status, scope, scheme; the catalogue: the owning section and the project's
 * facts), never from the eventually consistent read models: a project moved to another section a
 * moment ago is judged as moved.
 */
@Injectable()
export class EvaluationContextLoader {
  constructor(
    private readonly cycles: CycleReader,
    private readonly catalogues: CatalogueReader,
  ) {}

  /**
   * With the command pipeline's `reads`, the cycle and catalogue may come from this process's cache
   * without a revision lookup each (two of a command's three store reads): the append then holds both
   * streams to the revisions read, and anything refused on them is decided again on fresh reads.
   */
  async load(ref: ItemRef, actor: Actor, now: Date, reads: ContextReads): Promise<EvaluationContext> {
    const [cycle, catalogue] = await Promise.all([
      this.cycles.openedFor(ref.wardId, ref.fiscalYear, reads),
      this.catalogues.currentFor(ref.wardId, reads),
    ]);
    return {
      actor,
      item: itemInCatalogue(catalogue, ref, cycle.scope),
      cycle: evaluationCycleOf(cycle),
      now: now.toISOString(),
    };
  }
}

/**
 * The item as the decision sees it: its reference and the catalogue's facts, in one literal
 * (the reference spread and the facts spread after it cost ~1 KB per command).
 */
function itemInCatalogue(catalogue: CatalogueState, ref: ItemRef, scope: CycleScope): EvaluationContext['item'] {
  const entry = ref.kind === 'project' ? catalogue.projects[ref.itemId] : catalogue.kpis[ref.itemId];
  if (!entry || !inScope(scope, ref.kind, ref.itemId)) throw itemNotFound(ref);
  const project = ref.kind === 'project' && 'annualPlans' in entry ? entry : undefined;
  return {
    wardId: ref.wardId,
    fiscalYear: ref.fiscalYear,
    kind: ref.kind,
    itemId: ref.itemId,
    sectionId: entry.sectionId,
    notSuitedForShortTermEvaluation: project ? project.notSuitedForShortTermEvaluation : false,
    nothingPlanned: project ? nothingPlanned(project, ref.fiscalYear) : false,
  };
}

export const itemNotFound = (ref: ItemRef) =>
  notFound(
    'ITEM_NOT_FOUND',
    `${ref.fiscalYear}年度の対象に「${ref.itemId}」はありません。`,
    `${ref.kind} ${ref.itemId} is not in the FY${ref.fiscalYear} cycle.`,
    { kind: ref.kind, itemId: ref.itemId },
  );
