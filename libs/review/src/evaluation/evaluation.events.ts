import type { DomainEvent } from '@pdca/kernel';
import type { Rating } from '../rating/rating';
import type { Actual, ItemRef } from './evaluation-item';

export interface Draft {
  actual?: Actual;
  rating?: Rating;
}

export type EvaluationEvent =
  | DomainEvent<'DraftSaved', { item: ItemRef; draft: Draft }>
  | DomainEvent<
      'ActualSubmitted',
      { item: ItemRef; sectionId: string; actual: Actual; late: boolean; submittedAt: string }
    >
  | DomainEvent<'ItemRated', { item: ItemRef; rating: Rating }>
  | DomainEvent<'SubmissionWithdrawn', { item: ItemRef; reason?: string }>
  | DomainEvent<'SubmissionApproved', { item: ItemRef; comment?: string }>
  | DomainEvent<'SubmissionReturned', { item: ItemRef; comments: string }>
  | DomainEvent<'RatingAdjusted', { item: ItemRef; from: Rating | null; to: Rating; reason: string }>
  | DomainEvent<'EvaluationCorrected', { item: ItemRef; actual?: Actual; rating?: Rating; reason: string }>
  | DomainEvent<
      'EvaluationImported',
      { item: ItemRef; sectionId: string; actual: Actual; rating?: Rating; importId: string }
    >
  | DomainEvent<'EvaluationImportReverted', { item: ItemRef; importId: string }>;

export type EvaluationEventType = EvaluationEvent['type'];

export const EVALUATION_EVENT_TYPES: readonly EvaluationEventType[] = [
  'DraftSaved',
  'ActualSubmitted',
  'ItemRated',
  'SubmissionWithdrawn',
  'SubmissionApproved',
  'SubmissionReturned',
  'RatingAdjusted',
  'EvaluationCorrected',
  'EvaluationImported',
  'EvaluationImportReverted',
];
