import { ruleViolation } from '@pdca/kernel';
import { fieldRequired } from '../rule-errors';
import type { RatedItem } from '../scheme';
import { TAISHO_INITIATIVE_FIELDS, TaishoRating } from './taisho.rating';

export function assertTaishoRating(rating: TaishoRating, item: RatedItem): void {
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
  assertInitiativeFields(rating, item);
}

/**
 * 課題・改善策 and 予定どおり実施 belong to an initiative (seed 004's 具体的取組 sheet); an indicator's are
 * the strategy's, recorded by the planning office (PlanAssessment). An 改善策 answers a 課題, so it
 * does not come alone.
 */
function assertInitiativeFields(rating: TaishoRating, item: RatedItem): void {
  if (item.kind === 'kpi') {
    const given = TAISHO_INITIATIVE_FIELDS.find((field) => rating[field] !== undefined);
    if (given) {
      throw ruleViolation(
        'INITIATIVE_FIELD_NOT_FOR_KPI',
        `rating.${given}（課題・改善策・予定どおり実施）は具体的取組ごとに記入します。指標（成果指標）には記入できません。指標に関する課題と改善策は戦略の評価（課題・改善策）に記入してください。`,
        `rating.${given} (issues, improvements, implemented as planned) belongs to an initiative; an indicator's issues and improvements are recorded with its strategy's assessment.`,
        { field: `rating.${given}` },
      );
    }
  }
  if (rating.improvements?.trim() && !rating.issues?.trim()) {
    throw fieldRequired('rating.issues', '課題（改善策が応える課題）', 'the issue (課題) that the improvement answers');
  }
}
