import { ruleViolation } from '@pdca/kernel';
import { fieldRequired } from '../rule-errors';
import type { TaishoRating } from './taisho.rating';

export function assertTaishoRating(rating: TaishoRating): void {
  if (rating.achievement === 'B' && !rating.note?.trim())
    throw fieldRequired('rating.note', '備考（B の理由）', 'a note explaining the B');
  if (rating.withdrawalCriterionHit && !rating.withdrawalCriterion?.trim()) {
    throw fieldRequired('rating.withdrawalCriterion', '撤退基準', 'the withdrawal criterion that was hit');
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
