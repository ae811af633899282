import type { Rating } from '../rating/rating';
import type { Actual } from './evaluation-item';
import type { Draft } from './evaluation.events';

interface Reported {
  actual: Actual;
  /** The section's own rating: a separate fact from the council's. */
  sectionRating?: Rating;
  late: boolean;
}

/** Tagged by status so that every rule sees exactly what exists at that step. */
export type EvaluationState =
  | { status: 'not_started' }
  | { status: 'draft'; draft: Draft }
  | ({ status: 'submitted' } & Reported)
  | ({ status: 'returned'; comments: string } & Reported)
  | ({ status: 'approved'; councilRating?: Rating; correctedRating?: Rating; importId?: string } & Reported);

export type EvaluationStatus = EvaluationState['status'];

export const initialEvaluation = (): EvaluationState => ({ status: 'not_started' });

/** The rating that counts: a published correction, else the council's adjustment, else the section's. */
export function effectiveRating(state: EvaluationState): Rating | undefined {
  if (state.status === 'approved') return state.correctedRating ?? state.councilRating ?? state.sectionRating;
  if (state.status === 'draft') return state.draft.rating;
  if (state.status === 'not_started') return undefined;
  return state.sectionRating;
}
