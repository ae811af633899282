import type { Rating } from '../rating/rating';
import { assertValidRating } from '../rating/rating.rules';
import type { EvaluationCommandOf } from './evaluation.commands';
import { textRequired, wrongStatus } from './evaluation.errors';
import type { EvaluationEvent } from './evaluation.events';
import { assertCouncilMayReview, itemRefOf } from './evaluation.guards';
import type { EvaluationState } from './evaluation.state';

export type AdjustRating = EvaluationCommandOf<'AdjustRating', { rating: Rating; reason: string }>;

/**
 * The council's own rating, with its reason; the section's rating stays recorded as its own fact.
 * Adjusting a submitted item also approves it: the council's decision on it is made.
 */
export function decideAdjustRating({ data, context }: AdjustRating, state: EvaluationState): EvaluationEvent[] {
  assertCouncilMayReview(context);
  if (state.status !== 'submitted' && state.status !== 'approved')
    throw wrongStatus(state.status, { ja: '評価を調整', en: 'adjust the rating' });
  if (!data.reason?.trim()) throw textRequired('reason', '調整の理由', 'the reason for the adjustment');
  assertValidRating(data.rating, context.cycle.scheme, { ...context.item }, context.cycle);
  const from = (state.status === 'approved' ? state.councilRating : undefined) ?? state.sectionRating ?? null;
  return [{ type: 'RatingAdjusted', data: { item: itemRefOf(context), from, to: data.rating, reason: data.reason } }];
}
