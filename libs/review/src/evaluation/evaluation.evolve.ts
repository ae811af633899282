import { assertNever } from '@pdca/kernel';
import type { EvaluationEvent } from './evaluation.events';
import type { EvaluationState } from './evaluation.state';

export function evolveEvaluation(state: EvaluationState, event: EvaluationEvent): EvaluationState {
  switch (event.type) {
    case 'DraftSaved':
      return { status: 'draft', draft: event.data.draft };
    case 'ActualSubmitted': {
      // A resubmission after a return keeps the rating unless a new ItemRated follows.
      const sectionRating = state.status === 'returned' ? state.sectionRating : undefined;
      return { status: 'submitted', actual: event.data.actual, sectionRating, late: event.data.late };
    }
    case 'ItemRated':
      if (state.status === 'draft') return { status: 'draft', draft: { ...state.draft, rating: event.data.rating } };
      if (state.status === 'not_started') return state;
      return { ...state, sectionRating: event.data.rating };
    case 'SubmissionWithdrawn':
      if (state.status !== 'submitted') return state;
      return { status: 'draft', draft: { actual: state.actual, rating: state.sectionRating } };
    case 'SubmissionApproved':
      if (state.status !== 'submitted') return state;
      return { status: 'approved', actual: state.actual, sectionRating: state.sectionRating, late: state.late };
    case 'SubmissionReturned':
      if (state.status !== 'submitted') return state;
      return {
        status: 'returned',
        comments: event.data.comments,
        actual: state.actual,
        sectionRating: state.sectionRating,
        late: state.late,
      };
    case 'RatingAdjusted':
      if (state.status !== 'submitted' && state.status !== 'approved') return state;
      return {
        status: 'approved',
        actual: state.actual,
        sectionRating: state.sectionRating,
        late: state.late,
        councilRating: event.data.to,
      };
    case 'EvaluationCorrected':
      if (state.status !== 'approved') return state;
      return {
        ...state,
        actual: event.data.actual ?? state.actual,
        correctedRating: event.data.rating ?? state.correctedRating,
      };
    case 'EvaluationImported':
      // Migrated from the ward's own files: the year's result as it was finally decided.
      return {
        status: 'approved',
        actual: event.data.actual,
        sectionRating: event.data.rating,
        late: false,
        importId: event.data.importId,
      };
    case 'EvaluationImportReverted':
      return { status: 'not_started' };
    default:
      return assertNever(event, 'evaluation event');
  }
}
