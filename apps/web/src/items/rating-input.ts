import type { NerimaGrade, Rating, Scheme } from '../api/types';
import type { Translate } from '../i18n/language';

/** What the rating controls hold while the user types (strings, never undefined). */
export interface RatingInput {
  grade: NerimaGrade | null;
  bReason: string | null;
  note: string;
  achievement: 'A' | 'B' | null;
  performanceTarget: string;
  withdrawalCriterion: string;
  withdrawalCriterionHit: boolean;
}

export const emptyRatingInput = (): RatingInput => ({
  grade: null, bReason: null, note: '', achievement: null, performanceTarget: '', withdrawalCriterion: '', withdrawalCriterionHit: false,
});

export function ratingInputFrom(rating: Rating | undefined): RatingInput {
  const input = emptyRatingInput();
  if (!rating) return input;
  if (rating.scheme === 'nerima') return { ...input, grade: rating.grade, bReason: rating.bReason ?? null, note: rating.note ?? '' };
  return {
    ...input,
    achievement: rating.achievement,
    note: rating.note ?? '',
    performanceTarget: rating.performanceTarget ?? '',
    withdrawalCriterion: rating.withdrawalCriterion ?? '',
    withdrawalCriterionHit: rating.withdrawalCriterionHit ?? false,
  };
}

/** The API's rating, or undefined while nothing is chosen. A B reason goes only with a B. */
export function ratingFrom(input: RatingInput, scheme: Scheme): Rating | undefined {
  const note = input.note.trim() ? input.note : undefined;
  if (scheme === 'nerima') {
    if (!input.grade) return undefined;
    return { scheme, grade: input.grade, ...(input.grade === 'B' && input.bReason ? { bReason: input.bReason } : {}), ...(note ? { note } : {}) };
  }
  if (!input.achievement) return undefined;
  return {
    scheme,
    achievement: input.achievement,
    ...(note ? { note } : {}),
    ...(input.performanceTarget.trim() ? { performanceTarget: input.performanceTarget } : {}),
    ...(input.withdrawalCriterion.trim() ? { withdrawalCriterion: input.withdrawalCriterion } : {}),
    withdrawalCriterionHit: input.withdrawalCriterionHit,
  };
}

/**
 * The rules the server applies too (libs/review rating.rules), checked before sending so the
 * user sees them at once; the server's answer still wins.
 */
export function ratingProblems(input: RatingInput, scheme: Scheme, t: Translate): Record<string, string> {
  const problems: Record<string, string> = {};
  if (scheme === 'nerima') {
    if (input.grade === 'B' && !input.bReason) problems['rating.bReason'] = t('rating.rule.bReasonRequired');
    if ((input.grade === 'B' || input.grade === 'A+') && !input.note.trim()) problems['rating.note'] = t(input.grade === 'B' ? 'rating.rule.noteRequiredB' : 'rating.rule.noteRequiredAPlus');
  } else {
    if (input.achievement === 'B' && !input.note.trim()) problems['rating.note'] = t('rating.rule.noteRequiredB');
    if (input.withdrawalCriterionHit && !input.withdrawalCriterion.trim()) problems['rating.withdrawalCriterion'] = t('rating.rule.withdrawalCriterionRequired');
  }
  return problems;
}
