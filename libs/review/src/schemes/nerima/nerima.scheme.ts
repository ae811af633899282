import type { RatingScheme } from '../scheme';
import { assertNoOrdinalScale } from '../rule-errors';
import { NERIMA_GRADE_LABELS, NerimaRating } from './nerima.rating';
import { assertNerimaRating } from './nerima.rules';
import { nerimaSummary, NerimaSummary } from './nerima.summary';

/** Nerima (seed 002): projects graded A+, A, B, * or -; B broken down by the cycle's reason categories; KPIs carry values only. */
export const NERIMA: RatingScheme<NerimaRating, NerimaSummary> = {
  id: 'nerima',
  name: { ja: '練馬区方式（A+・A・B・＊・－）', en: 'Nerima scheme (A+, A, B, *, -)' },
  hint: { ja: '取組を5段階で評価し、指標は実績値を記入します。', en: 'Projects are rated on five grades; KPIs carry their actual values.' },
  ratingHeading: { ja: '進捗状況', en: 'Progress' },
  ratesKpis: false,
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
