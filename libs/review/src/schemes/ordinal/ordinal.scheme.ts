import type { RatingScheme } from '../scheme';
import { ORDINAL_LABELS } from './ordinal.labels';
import type { OrdinalRating } from './ordinal.rating';
import { assertOrdinalRating } from './ordinal.rules';
import { assertValidOrdinalScale } from './ordinal.scale';
import { ordinalSummary, OrdinalSummary } from './ordinal.summary';

/**
 * A ward-defined ordinal scale (S/A/B/C/D, 1–5 …), configured per cycle: projects are graded, KPIs
 * carry their values (as in Nerima). Decided here: the scale is fixed at OpenCycle, so every rating
 * and report of the year reads the same grades.
 */
export const ORDINAL: RatingScheme<OrdinalRating, OrdinalSummary> = {
  id: 'ordinal',
  ...ORDINAL_LABELS,
  ratesKpis: false,
  judgesStrategies: false,
  assertSettings: ({ ordinalScale }) => assertValidOrdinalScale(ordinalScale),
  assertValid: assertOrdinalRating,
  symbol: (rating) => rating.grade,
  meaning: (rating, summary) => summary?.rows.find((row) => row.key === rating.grade)?.label ?? rating.grade,
  summarize: ({ projects, settings }) => ordinalSummary(projects, settings.ordinalScale),
  categories: (summary) => summary.rows,
  counts(summary) {
    const counts: Record<string, number> = { total: summary.total, unrated: summary.unrated };
    summary.rows.forEach((row) => (counts[row.key] = row.count));
    return counts;
  },
};
