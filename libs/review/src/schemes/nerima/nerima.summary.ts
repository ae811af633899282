import type { Rating } from '../../rating/rating';
import { shareOf, SummaryRow } from '../scheme';
import { DEFAULT_B_REASONS, NERIMA_GRADE_LABELS, NERIMA_GRADES, NerimaGrade, ReasonCategory } from './nerima.rating';

export interface NerimaSummary {
  scheme: 'nerima';
  rows: SummaryRow[];
  bReasons: SummaryRow[];
  unrated: number;
  total: number;
}

/**
 * Counts each project once by the rating that counts (reposts are placements, not projects).
 * '-' is labelled with the fiscal year, as the ward prints it (令和4年度末までに取組がないもの).
 */
export function nerimaSummary(
  ratings: Array<Rating | undefined>,
  bReasons: readonly ReasonCategory[] = DEFAULT_B_REASONS,
  yearLabel = '',
): NerimaSummary {
  const total = ratings.length;
  const byGrade = new Map<NerimaGrade, number>();
  const byReason = new Map<string, number>();
  let unrated = 0;
  for (const rating of ratings) {
    if (rating?.scheme !== 'nerima') {
      unrated++;
      continue;
    }
    byGrade.set(rating.grade, (byGrade.get(rating.grade) ?? 0) + 1);
    if (rating.grade === 'B' && rating.bReason) byReason.set(rating.bReason, (byReason.get(rating.bReason) ?? 0) + 1);
  }
  const label = (grade: NerimaGrade) =>
    grade === '-' && yearLabel ? `${yearLabel}末までに取組がないもの` : NERIMA_GRADE_LABELS[grade];
  return {
    scheme: 'nerima',
    rows: NERIMA_GRADES.map((grade) => ({
      key: grade,
      label: label(grade),
      count: byGrade.get(grade) ?? 0,
      share: shareOf(byGrade.get(grade) ?? 0, total),
    })),
    bReasons: bReasons.map((reason) => ({
      key: reason.code,
      label: reason.label,
      count: byReason.get(reason.code) ?? 0,
      share: shareOf(byReason.get(reason.code) ?? 0, total),
    })),
    unrated,
    total,
  };
}
