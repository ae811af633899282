import type { Actual, EvaluationState, Rating, ReasonCategory } from '@pdca/review';
import type { CellKey } from './workbook-columns';
import { NO, YES } from './workbook-columns';

export type Cells = Partial<Record<CellKey, string>>;

export const STATUS_LABELS: Record<EvaluationState['status'], string> = {
  not_started: '未着手',
  draft: '下書き',
  submitted: '提出済み（審査待ち）',
  returned: '差戻し中',
  approved: '承認済み',
};

/** What the section last wrote: a draft's values, else its submission's. */
export function currentValues(state: EvaluationState): { actual?: Actual; rating?: Rating } {
  if (state.status === 'not_started') return {};
  if (state.status === 'draft') return { actual: state.draft.actual, rating: state.draft.rating };
  return { actual: state.actual, rating: state.sectionRating };
}

/** The editable cells as the download fills them in, so that an untouched row reads back as "no change". */
export function editableCells(state: EvaluationState, bReasons: readonly ReasonCategory[]): Cells {
  const { actual, rating } = currentValues(state);
  return {
    ...actualCells(actual),
    ...ratingCells(rating, bReasons),
    submit: state.status === 'submitted' || state.status === 'approved' ? YES : '',
  };
}

/** Status and return comments: context for the section, never read back. */
export function statusCells(state: EvaluationState): Cells {
  return { status: STATUS_LABELS[state.status], returnedComments: state.status === 'returned' ? state.comments : '' };
}

export function actualText(actual: Actual | undefined): string {
  if (!actual) return '';
  return actual.kind === 'project' ? actual.text : actual.value.text;
}

function actualCells(actual: Actual | undefined): Cells {
  if (!actual) return {};
  return actual.kind === 'project' ? { actual: actual.text } : { actual: actual.value.text, actualAsOf: actual.asOf };
}

function ratingCells(rating: Rating | undefined, bReasons: readonly ReasonCategory[]): Cells {
  if (!rating) return {};
  if (rating.scheme === 'nerima') {
    const reason = rating.bReason ? (bReasons.find((r) => r.code === rating.bReason)?.label ?? rating.bReason) : '';
    return { grade: rating.grade, bReason: reason, note: rating.note ?? '' };
  }
  if (rating.scheme === 'ordinal') return { grade: rating.grade, note: rating.note ?? '' };
  const hit = rating.withdrawalCriterionHit === undefined ? '' : rating.withdrawalCriterionHit ? YES : NO;
  return {
    achievement: rating.achievement,
    performanceTarget: rating.performanceTarget ?? '',
    withdrawalCriterion: rating.withdrawalCriterion ?? '',
    withdrawalCriterionHit: hit,
    note: rating.note ?? '',
  };
}
