import type { RatingScheme } from '../scheme';
import { assertNoOrdinalScale } from '../rule-errors';
import { TAISHO_ACHIEVEMENT_LABELS, TaishoRating } from './taisho.rating';
import { assertTaishoRating } from './taisho.rules';
import { taishoSummary, TaishoSummary } from './taisho.summary';

/** Taisho (seed 004): achievement A/B for projects and KPIs, with performance target and withdrawal criterion. */
export const TAISHO: RatingScheme<TaishoRating, TaishoSummary> = {
  id: 'taisho',
  name: { ja: '大正区方式（達成・未達成）', en: 'Taisho scheme (achieved / not achieved)' },
  hint: { ja: '成果目標に対する達成・未達成と撤退基準を記入します。', en: 'Achievement against the performance target, with the withdrawal criterion.' },
  ratingHeading: { ja: '達成状況', en: 'Achievement' },
  ratesKpis: true,
  assertSettings: assertNoOrdinalScale,
  assertValid: (rating) => assertTaishoRating(rating),
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
