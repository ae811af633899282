import type { Rating } from '../../rating/rating';
import { shareOf, SummaryRow } from '../scheme';
import type { OrdinalScale } from './ordinal.scale';

export interface OrdinalSummary {
  scheme: 'ordinal';
  /** One row per grade of the scale, in the scale's order, labelled as configured. */
  rows: SummaryRow[];
  unrated: number;
  total: number;
}

/** Projects only, each counted once, as in Nerima's table. */
export function ordinalSummary(ratings: Array<Rating | undefined>, scale: OrdinalScale | undefined): OrdinalSummary {
  const total = ratings.length;
  const byGrade = new Map<string, number>();
  let unrated = 0;
  for (const rating of ratings) {
    if (rating?.scheme !== 'ordinal') unrated++;
    else byGrade.set(rating.grade, (byGrade.get(rating.grade) ?? 0) + 1);
  }
  const rows = (scale?.grades ?? []).map((grade) => ({
    key: grade.code,
    label: grade.label,
    count: byGrade.get(grade.code) ?? 0,
    share: shareOf(byGrade.get(grade.code) ?? 0, total),
  }));
  return { scheme: 'ordinal', rows, unrated, total };
}
