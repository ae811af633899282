import { requireRole } from '@pdca/kernel';
import type { Rating } from '../rating/rating';
import { assertValidRating } from '../rating/rating.rules';
import type { Actual } from './evaluation-item';
import type { EvaluationCommandOf } from './evaluation.commands';
import { cyclePublished, wrongStatus } from './evaluation.errors';
import type { EvaluationEvent } from './evaluation.events';
import { assertActualKind, itemRefOf } from './evaluation.guards';
import type { EvaluationState } from './evaluation.state';

export type ImportEvaluation = EvaluationCommandOf<
  'ImportEvaluation',
  { actual: Actual; rating?: Rating; importId: string }
>;

/** The planning office imports a finished evaluation (approved as imported) into an item nobody has submitted. */
export function decideImportEvaluation({ data, context }: ImportEvaluation, state: EvaluationState): EvaluationEvent[] {
  requireRole(context.actor, 'planning_office');
  if (context.cycle.status === 'published') throw cyclePublished();
  if (state.status !== 'not_started' && state.status !== 'draft')
    throw wrongStatus(state.status, { ja: '取込み', en: 'import into' });
  assertActualKind(data.actual, context);
  if (data.rating) assertValidRating(data.rating, context.cycle.scheme, { ...context.item }, context.cycle);
  return [
    { type: 'EvaluationImported', data: { item: itemRefOf(context), sectionId: context.item.sectionId, ...data } },
  ];
}
