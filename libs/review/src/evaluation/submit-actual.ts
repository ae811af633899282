import type { Rating } from '../rating/rating';
import { assertValidRating } from '../rating/rating.rules';
import type { Actual } from './evaluation-item';
import type { EvaluationCommandOf } from './evaluation.commands';
import { wrongStatus } from './evaluation.errors';
import type { EvaluationEvent } from './evaluation.events';
import { assertActualKind, assertSectionMayEdit, itemRefOf } from './evaluation.guards';
import type { EvaluationState } from './evaluation.state';

export type SubmitActual = EvaluationCommandOf<'SubmitActual', { actual: Actual; rating?: Rating }>;

/** The owning section hands its actual (and rating, or the draft's) to the council for review. */
export function decideSubmitActual({ data, context }: SubmitActual, state: EvaluationState): EvaluationEvent[] {
  assertSectionMayEdit(context);
  if (state.status === 'submitted' || state.status === 'approved')
    throw wrongStatus(state.status, { ja: '提出', en: 'submit' });
  assertActualKind(data.actual, context);
  const rating = data.rating ?? (state.status === 'draft' ? state.draft.rating : undefined);
  if (rating) assertValidRating(rating, context.cycle.scheme, { ...context.item }, context.cycle);
  // A resubmission the council asked for keeps the first submission's punctuality.
  const late = state.status === 'returned' ? state.late : Date.parse(context.now) > Date.parse(context.cycle.deadline);
  const item = itemRefOf(context);
  const submitted: EvaluationEvent = {
    type: 'ActualSubmitted',
    data: { item, sectionId: context.item.sectionId, actual: data.actual, late, submittedAt: context.now },
  };
  return rating ? [submitted, { type: 'ItemRated', data: { item, rating } }] : [submitted];
}
