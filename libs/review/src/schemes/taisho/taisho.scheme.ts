import type { RatingScheme } from '../scheme';
import { TAISHO_LABELS } from './taisho.labels';
import { assertNoOrdinalScale } from '../rule-errors';
import { TAISHO_ACHIEVEMENT_LABELS, TaishoRating } from './taisho.rating';
import { assertTaishoRating } from './taisho.rules';
import { taishoSummary, TaishoSummary } from './taisho.summary';

/** Taisho (seed 004): achievement A/B for projects and KPIs, with performance target and withdrawal criterion. */
export const TAISHO: RatingScheme<TaishoRating, TaishoSummary> = {
  id: 'taisho',
  ...TAISHO_LABELS,
  ratesKpis: true,
  judgesStrategies: true,
  assertSettings: assertNoOrdinalScale,
  assertValid: (rating, item) => assertTaishoRating(rating, item),
  symbol: (rating) => rating.achievement,
  meaning: (rating) => TAISHO_ACHIEVEMENT_LABELS[rating.achievement],
  summarize: ({ projects, kpis }) => taishoSummary(projects, kpis),
  categories: (summary) => summary.projects,
  counts(summary) {
    const counts: Record<string, number> = { total: summary.total, unrated: summary.unrated };
    summary.projects.forEach((row) => (counts[`project:${row.key}`] = row.count));
    summary.kpis.forEach((row) => (counts[`kpi:${row.key}`] = row.count));
    counts.withdrawalCriteriaHit = summary.withdrawalCriteriaHit;
    return counts;
  },
};
