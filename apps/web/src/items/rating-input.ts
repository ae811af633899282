import type { NerimaGrade, OrdinalScale, Rating, Scheme } from '../api/types';
import type { MessageKey } from '../i18n/messages.ja';

/** The translator's shape, without the React module it lives in (so jest's tests can import this file). */
type Translate = (key: MessageKey) => string;

/** What the rating controls hold while the user types (strings, never undefined). */
export interface RatingInput {
  grade: NerimaGrade | null;
  bReason: string | null;
  note: string;
  achievement: 'A' | 'B' | null;
  performanceTarget: string;
  withdrawalCriterion: string;
  withdrawalCriterionHit: boolean;
  /** Taisho initiatives: 予定どおり実施 yes/no (null while unsaid), 課題, 改善策. */
  implementedAsPlanned: 'yes' | 'no' | null;
  issues: string;
  improvements: string;
  /** An ordinal cycle's grade: a code of its scale. */
  ordinalGrade: string | null;
}

export const emptyRatingInput = (): RatingInput => ({
  grade: null,
  bReason: null,
  note: '',
  achievement: null,
  performanceTarget: '',
  withdrawalCriterion: '',
  withdrawalCriterionHit: false,
  implementedAsPlanned: null,
  issues: '',
  improvements: '',
  ordinalGrade: null,
});

export function ratingInputFrom(rating: Rating | undefined): RatingInput {
  const input = emptyRatingInput();
  if (!rating) return input;
  if (rating.scheme === 'nerima')
    return { ...input, grade: rating.grade, bReason: rating.bReason ?? null, note: rating.note ?? '' };
  if (rating.scheme === 'ordinal') return { ...input, ordinalGrade: rating.grade, note: rating.note ?? '' };
  return {
    ...input,
    achievement: rating.achievement,
    note: rating.note ?? '',
    performanceTarget: rating.performanceTarget ?? '',
    withdrawalCriterion: rating.withdrawalCriterion ?? '',
    withdrawalCriterionHit: rating.withdrawalCriterionHit ?? false,
    implementedAsPlanned: rating.implementedAsPlanned === undefined ? null : rating.implementedAsPlanned ? 'yes' : 'no',
    issues: rating.issues ?? '',
    improvements: rating.improvements ?? '',
  };
}

/** The API's rating, or undefined while nothing is chosen. A B reason goes only with a B. */
export function ratingFrom(input: RatingInput, scheme: Scheme): Rating | undefined {
  const note = input.note.trim() ? input.note : undefined;
  if (scheme === 'nerima') {
    if (!input.grade) return undefined;
    return {
      scheme,
      grade: input.grade,
      ...(input.grade === 'B' && input.bReason ? { bReason: input.bReason } : {}),
      ...(note ? { note } : {}),
    };
  }
  if (scheme === 'ordinal')
    return input.ordinalGrade ? { scheme, grade: input.ordinalGrade, ...(note ? { note } : {}) } : undefined;
  if (!input.achievement) return undefined;
  return {
    scheme,
    achievement: input.achievement,
    ...(note ? { note } : {}),
    ...(input.performanceTarget.trim() ? { performanceTarget: input.performanceTarget } : {}),
    ...(input.withdrawalCriterion.trim() ? { withdrawalCriterion: input.withdrawalCriterion } : {}),
    withdrawalCriterionHit: input.withdrawalCriterionHit,
    ...(input.implementedAsPlanned ? { implementedAsPlanned: input.implementedAsPlanned === 'yes' } : {}),
    ...(input.issues.trim() ? { issues: input.issues } : {}),
    ...(input.improvements.trim() ? { improvements: input.improvements } : {}),
  };
}

/**
 * The rules the server applies too (libs/review rating.rules), checked before sending so the
 * user sees them at once; the server's answer still wins.
 */
export function ratingProblems(
  input: RatingInput,
  scheme: Scheme,
  t: Translate,
  scale?: OrdinalScale,
): Record<string, string> {
  const problems: Record<string, string> = {};
  if (scheme === 'ordinal') {
    if (input.ordinalGrade && scale?.reasonRequired.includes(input.ordinalGrade) && !input.note.trim())
      problems['rating.note'] = t('rating.rule.noteRequiredOrdinal');
  } else if (scheme === 'nerima') {
    if (input.grade === 'B' && !input.bReason) problems['rating.bReason'] = t('rating.rule.bReasonRequired');
    if ((input.grade === 'B' || input.grade === 'A+') && !input.note.trim())
      problems['rating.note'] = t(input.grade === 'B' ? 'rating.rule.noteRequiredB' : 'rating.rule.noteRequiredAPlus');
  } else {
    if (input.achievement === 'B' && !input.note.trim()) problems['rating.note'] = t('rating.rule.noteRequiredB');
    if (input.withdrawalCriterionHit && !input.withdrawalCriterion.trim())
      problems['rating.withdrawalCriterion'] = t('rating.rule.withdrawalCriterionRequired');
    if (input.withdrawalCriterionHit && input.achievement === 'A')
      problems['rating.achievement'] = t('rating.rule.withdrawalHitNeedsB');
    if (input.improvements.trim() && !input.issues.trim())
      problems['rating.issues'] = t('rating.rule.issuesForImprovements');
  }
  return problems;
}
