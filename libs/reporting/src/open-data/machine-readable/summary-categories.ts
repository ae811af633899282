import type { ReportModel } from '@pdca/projections';
import { summaryCells } from '../../provenance/summary-cells';
import { ratingCode } from './plain-codes';

/** A summary number as open data: which code list its category is in, the category's code, label, count and share. */
export interface SummaryCategory {
  list: 'rating' | 'kpi_rating' | 'b_reason' | 'withdrawal' | 'total';
  code: string;
  label: string;
  count: number;
  share?: number;
}

/**
 * The summary's cells (keys as in summaryCounts) sorted into code lists: a grade, a KPI grade, a B
 * reason, the withdrawal count, or the totals. Keys without a prefix are grades of the items counted.
 */
export function summaryCategories(model: ReportModel): SummaryCategory[] {
  return summaryCells(model.summary).map(({ key, label, count, share }) => {
    const [prefix, rest] = key.includes(':')
      ? [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)]
      : ['', key];
    const base = { label, count, ...(share === undefined ? {} : { share }) };
    if (key === 'total' || key === 'unrated') return { list: 'total', code: key.toUpperCase(), ...base };
    if (key === 'withdrawalCriteriaHit') return { list: 'withdrawal', code: 'WITHDRAWAL_CRITERION_HIT', ...base };
    if (prefix === 'B') return { list: 'b_reason', code: rest, ...base };
    return { list: prefix === 'kpi' ? 'kpi_rating' : 'rating', code: ratingCode(rest), ...base };
  });
}
