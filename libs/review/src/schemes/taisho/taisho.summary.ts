import type { Rating } from '../../rating/rating';
import { shareOf, SummaryRow } from '../scheme';
import { TAISHO_ACHIEVEMENT_LABELS } from './taisho.rating';

export interface TaishoSummary {
  scheme: 'taisho';
  projects: SummaryRow[];
  kpis: SummaryRow[];
  withdrawalCriteriaHit: number;
  unrated: number;
  total: number;
}

export function taishoSummary(
  projectRatings: Array<Rating | undefined>,
  kpiRatings: Array<Rating | undefined>,
): TaishoSummary {
  const rows = (ratings: Array<Rating | undefined>) => {
    const count = (grade: 'A' | 'B') => ratings.filter((r) => r?.scheme === 'taisho' && r.achievement === grade).length;
    return (['A', 'B'] as const).map((key) => ({
      key,
      label: TAISHO_ACHIEVEMENT_LABELS[key],
      count: count(key),
      share: shareOf(count(key), ratings.length),
    }));
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
