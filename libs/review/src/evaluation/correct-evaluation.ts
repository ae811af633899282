import { requireRole } from '@pdca/kernel';
import type { Rating } from '../rating/rating';
import { assertValidRating } from '../rating/rating.rules';
import type { Actual } from './evaluation-item';
import type { EvaluationCommandOf } from './evaluation.commands';
import { cycleNotPublished, textRequired, wrongStatus } from './evaluation.errors';
import type { EvaluationEvent } from './evaluation.events';
import { assertActualKind, itemRefOf } from './evaluation.guards';
import type { EvaluationState } from './evaluation.state';

export type CorrectEvaluation = EvaluationCommandOf<
  'CorrectEvaluation',
  { actual?: Actual; rating?: Rating; reason: string }
>;

/** After publication only the planning office corrects an approved item, with a reason (a new report version follows). */
export function decideCorrectEvaluation(
  { data, context }: CorrectEvaluation,
  state: EvaluationState,
): EvaluationEvent[] {
  requireRole(context.actor, 'planning_office');
  if (context.cycle.status !== 'published') throw cycleNotPublished();
  if (state.status !== 'approved') throw wrongStatus(state.status, { ja: '訂正', en: 'correct' });
  if (!data.reason?.trim()) throw textRequired('reason', '訂正の理由', 'the reason for the correction');
  if (!data.actual && !data.rating)
    throw textRequired('rating', '訂正する実績または評価', 'the corrected actual or rating');
  if (data.actual) assertActualKind(data.actual, context);
  if (data.rating) assertValidRating(data.rating, context.cycle.scheme, { ...context.item }, context.cycle);
  return [{ type: 'EvaluationCorrected', data: { item: itemRefOf(context), ...data } }];
}
