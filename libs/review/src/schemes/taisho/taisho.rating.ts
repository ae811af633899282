/**
 * Taisho's self-evaluation (seed 004): achievement A/B per item; for an initiative (具体的取組) also its
 * performance target (業績目標), withdrawal criterion (撤退基準) and whether it was hit, whether it was
 * carried out as planned, and the section's own 課題 and 改善策 for it.
 */
export interface TaishoRating {
  scheme: 'taisho';
  achievement: 'A' | 'B';
  performanceTarget?: string;
  withdrawalCriterion?: string;
  withdrawalCriterionHit?: boolean;
  /** 取組は予定どおり実施（true）／予定どおり実施しなかった（false）; absent when not said. */
  implementedAsPlanned?: boolean;
  /** 課題: what stands in the initiative's way, written by its section (seed 004's 具体的取組 sheet). */
  issues?: string;
  /** 改善策: what the section will change in answer to the 課題. */
  improvements?: string;
  note?: string;
}

export const TAISHO_ACHIEVEMENT_LABELS = { A: '達成', B: '未達成' } as const;

/** The fields only an initiative carries: a KPI's 課題 and 改善策 are the strategy's (PlanAssessment). */
export const TAISHO_INITIATIVE_FIELDS = ['implementedAsPlanned', 'issues', 'improvements'] as const;
