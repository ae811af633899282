import type { Rating } from '../rating/rating';
import { assertValidRating } from '../rating/rating.rules';
import type { EvaluationCommandOf } from './evaluation.commands';
import { wrongStatus } from './evaluation.errors';
import type { EvaluationEvent } from './evaluation.events';
import { assertSectionMayEdit, itemRefOf } from './evaluation.guards';
import type { EvaluationState } from './evaluation.state';

export type RateItem = EvaluationCommandOf<'RateItem', { rating: Rating }>;

/** The section's own rating of an item it has started, under the cycle's scheme rules. */
export function decideRateItem({ data, context }: RateItem, state: EvaluationState): EvaluationEvent[] {
  assertSectionMayEdit(context);
  if (state.status === 'not_started' || state.status === 'approved')
    throw wrongStatus(state.status, { ja: '評価を入力', en: 'rate' });
  assertValidRating(data.rating, context.cycle.scheme, { ...context.item }, context.cycle);
  return [{ type: 'ItemRated', data: { item: itemRefOf(context), rating: data.rating } }];
}
