import type { RatingScheme } from '../scheme';
import { NERIMA_LABELS } from './nerima.labels';
import { assertNoOrdinalScale } from '../rule-errors';
import { NERIMA_GRADE_LABELS, NerimaRating } from './nerima.rating';
import { assertNerimaRating } from './nerima.rules';
import { nerimaSummary, NerimaSummary } from './nerima.summary';

/** Nerima (seed 002): projects graded A+, A, B, * or -; B broken down by the cycle's reason categories; KPIs carry values only. */
export const NERIMA: RatingScheme<NerimaRating, NerimaSummary> = {
  id: 'nerima',
  ...NERIMA_LABELS,
  ratesKpis: false,
  judgesStrategies: false,
  assertSettings: assertNoOrdinalScale,
  assertValid: assertNerimaRating,
  symbol: (rating) => rating.grade,
  meaning(rating, summary) {
    return summary?.rows.find((r) => r.key === rating.grade)?.label ?? NERIMA_GRADE_LABELS[rating.grade];
  },
  summarize: ({ projects, settings, yearLabel }) => nerimaSummary(projects, settings.bReasons, yearLabel),
  categories: (summary) => summary.rows,
  counts(summary) {
    const counts: Record<string, number> = { total: summary.total, unrated: summary.unrated };
    summary.rows.forEach((row) => (counts[row.key] = row.count));
    summary.bReasons.forEach((row) => (counts[`B:${row.key}`] = row.count));
    return counts;
  },
};
