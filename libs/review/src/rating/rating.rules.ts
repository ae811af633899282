import { ruleViolation } from '@pdca/kernel';
import type { ItemKind } from '../evaluation/evaluation-item';
import type { Rating, ReasonCategory, Scheme } from './rating';

export interface RatedItem {
  kind: ItemKind;
  notSuitedForShortTermEvaluation: boolean;
  nothingPlanned: boolean;
}

/** Every rule a rating must satisfy for its scheme and item, wherever it is given (self-rating or council). */
export function assertValidRating(rating: Rating, scheme: Scheme, item: RatedItem, bReasons: readonly ReasonCategory[]): void {
  if (rating.scheme !== scheme) {
    throw ruleViolation('RATING_SCHEME_MISMATCH', `この年度の評価方式は「${scheme}」です。`, `This cycle rates with the ${scheme} scheme.`, { field: 'rating.scheme' });
  }
  if (rating.scheme === 'taisho') return assertTaisho(rating);
  if (item.kind === 'kpi') {
    throw ruleViolation('RATING_NOT_APPLICABLE', '指標には進捗状況の評価を付けません（達成度は実績から算出します）。', 'KPIs are not rated in this scheme; achievement is computed from the actual.', { field: 'rating' });
  }
  const note = rating.note?.trim();
  switch (rating.grade) {
    case 'B':
      if (!rating.bReason) throw required('rating.bReason', 'B の内訳', 'a reason category for B');
      if (!bReasons.some((r) => r.code === rating.bReason)) {
        throw ruleViolation('B_REASON_UNKNOWN', `B の内訳「${rating.bReason}」はこの年度の区分にありません。`, `B reason ${rating.bReason} is not one of this cycle's categories.`, { field: 'rating.bReason', allowed: bReasons.map((r) => r.code) });
      }
      if (!note) throw required('rating.note', '備考（B の理由）', 'a note explaining the B');
      return;
    case 'A+':
      if (!note) throw required('rating.note', '備考（A+ の理由）', 'a note explaining the A+');
      return assertNoBReason(rating.bReason);
    case '-':
      if (!item.nothingPlanned) {
        throw ruleViolation('DASH_REQUIRES_NOTHING_PLANNED', '「-」は当該年度に計画がない取組にのみ付けられます。', "'-' is only for a project with nothing planned this year.", { field: 'rating.grade' });
      }
      return assertNoBReason(rating.bReason);
    case '*':
      if (!item.notSuitedForShortTermEvaluation) {
        throw ruleViolation('STAR_REQUIRES_LONG_TERM_PROJECT', '「*」は短期での評価がなじまない取組にのみ付けられます。', "'*' is only for projects marked as not suited to short-term evaluation.", { field: 'rating.grade' });
      }
      return assertNoBReason(rating.bReason);
    case 'A':
      return assertNoBReason(rating.bReason);
  }
}

function assertTaisho(rating: Extract<Rating, { scheme: 'taisho' }>): void {
  if (rating.achievement === 'B' && !rating.note?.trim()) throw required('rating.note', '備考（B の理由）', 'a note explaining the B');
  if (rating.withdrawalCriterionHit && !rating.withdrawalCriterion?.trim()) {
    throw required('rating.withdrawalCriterion', '撤退基準', 'the withdrawal criterion that was hit');
  }
  // Seed 004: the withdrawal criterion is the line below the target; hitting it means the target was missed.
  if (rating.withdrawalCriterionHit && rating.achievement === 'A') {
    throw ruleViolation(
      'WITHDRAWAL_CRITERION_HIT_REQUIRES_B',
      '撤退基準に該当した取組は業績目標を達成していないため、達成状況（rating.achievement）は B（順調でない）にしてください。',
      'An initiative that hit its withdrawal criterion did not reach its target: rating.achievement must be B, not A.',
      { field: 'rating.achievement', conflictsWith: 'rating.withdrawalCriterionHit' },
    );
  }
}

function assertNoBReason(bReason: string | undefined): void {
  if (bReason) {
    throw ruleViolation('B_REASON_ONLY_FOR_B', 'B の内訳は B の評価にのみ付けられます。', 'A B reason category only goes with a B rating.', { field: 'rating.bReason' });
  }
}

function required(field: string, ja: string, en: string) {
  return ruleViolation('FIELD_REQUIRED', `${ja}を入力してください。`, `Please give ${en}.`, { field });
}
