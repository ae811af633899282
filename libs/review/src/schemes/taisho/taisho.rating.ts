/**
 * Taisho's self-evaluation (seed 004): achievement A/B per item; for an initiative also its
 * performance target (業績目標), withdrawal criterion (撤退基準) and whether it was hit.
 */
export interface TaishoRating {
  scheme: 'taisho';
  achievement: 'A' | 'B';
  performanceTarget?: string;
  withdrawalCriterion?: string;
  withdrawalCriterionHit?: boolean;
  note?: string;
}

export const TAISHO_ACHIEVEMENT_LABELS = { A: '達成', B: '未達成' } as const;
