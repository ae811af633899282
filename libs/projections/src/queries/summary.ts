import { DEFAULT_B_REASONS, NERIMA_GRADE_LABELS, NERIMA_GRADES, NerimaGrade, Rating, ReasonCategory } from '@pdca/review';

export interface SummaryRow {
  key: string;
  label: string;
  count: number;
  /** Whole percent of the total, rounded half up as the ward prints it. */
  share: number;
}

export interface NerimaSummary {
  scheme: 'nerima';
  rows: SummaryRow[];
  bReasons: SummaryRow[];
  unrated: number;
  total: number;
}

export interface TaishoSummary {
  scheme: 'taisho';
  projects: SummaryRow[];
  kpis: SummaryRow[];
  withdrawalCriteriaHit: number;
  unrated: number;
  total: number;
}

export type Summary = NerimaSummary | TaishoSummary;

const share = (count: number, total: number) => (total === 0 ? 0 : Math.round((count / total) * 100));

/**
 * Counts each project once by the rating that counts (reposts are placements, not projects).
 * '-' is labelled with the fiscal year, as the ward prints it (令和4年度末までに取組がないもの).
 */
export function nerimaSummary(ratings: Array<Rating | undefined>, bReasons: readonly ReasonCategory[] = DEFAULT_B_REASONS, yearLabel = ''): NerimaSummary {
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
  const label = (grade: NerimaGrade) => (grade === '-' && yearLabel ? `${yearLabel}末までに取組がないもの` : NERIMA_GRADE_LABELS[grade]);
  return {
    scheme: 'nerima',
    rows: NERIMA_GRADES.map((grade) => ({ key: grade, label: label(grade), count: byGrade.get(grade) ?? 0, share: share(byGrade.get(grade) ?? 0, total) })),
    bReasons: bReasons.map((reason) => ({ key: reason.code, label: reason.label, count: byReason.get(reason.code) ?? 0, share: share(byReason.get(reason.code) ?? 0, total) })),
    unrated,
    total,
  };
}

export function taishoSummary(projectRatings: Array<Rating | undefined>, kpiRatings: Array<Rating | undefined>): TaishoSummary {
  const rows = (ratings: Array<Rating | undefined>) => {
    const count = (grade: 'A' | 'B') => ratings.filter((r) => r?.scheme === 'taisho' && r.achievement === grade).length;
    return [
      { key: 'A', label: '達成', count: count('A'), share: share(count('A'), ratings.length) },
      { key: 'B', label: '未達成', count: count('B'), share: share(count('B'), ratings.length) },
    ];
  };
  const all = [...projectRatings, ...kpiRatings];
  return {
    scheme: 'taisho',
    projects: rows(projectRatings),
    kpis: rows(kpiRatings),
    withdrawalCriteriaHit: projectRatings.filter((r) => r?.scheme === 'taisho' && r.withdrawalCriterionHit).length,
    unrated: all.filter((r) => r?.scheme !== 'taisho').length,
    total: all.length,
  };
}

/** Flat counts kept in the publication event, e.g. { 'A+': 21, A: 284, 'B:covid19': 4, total: 383 }. */
export function summaryCounts(summary: Summary): Record<string, number> {
  const counts: Record<string, number> = { total: summary.total, unrated: summary.unrated };
  if (summary.scheme === 'nerima') {
    summary.rows.forEach((row) => (counts[row.key] = row.count));
    summary.bReasons.forEach((row) => (counts[`B:${row.key}`] = row.count));
  } else {
    summary.projects.forEach((row) => (counts[`project:${row.key}`] = row.count));
    summary.kpis.forEach((row) => (counts[`kpi:${row.key}`] = row.count));
    counts.withdrawalCriteriaHit = summary.withdrawalCriteriaHit;
  }
  return counts;
}
