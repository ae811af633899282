import { assertNever } from '@pdca/kernel';
import type { Summary } from '@pdca/projections';

/** One number of the summary table: its key (as in summaryCounts), label, count and share. */
export interface SummaryCell {
  key: string;
  label: string;
  count: number;
  /** Whole percent as printed; absent where the table prints none. */
  share?: number;
}

/**
 * The summary table's numbers under the keys of summaryCounts (the publication event's counts), so
 * a cell, its link and the published count name the same thing. Exhaustive over the schemes: a new
 * scheme's summary does not compile here until its cells are named.
 */
export function summaryCells(summary: Summary): SummaryCell[] {
  const cells = (prefix: string, rows: Array<{ key: string; label: string; count: number; share: number }>) =>
    rows.map((row) => ({ key: `${prefix}${row.key}`, label: row.label, count: row.count, share: row.share }));
  const totals = [
    { key: 'unrated', label: '未評価', count: summary.unrated },
    { key: 'total', label: '合計', count: summary.total, share: summary.total === 0 ? 0 : 100 },
  ];
  switch (summary.scheme) {
    case 'nerima':
      return [...cells('', summary.rows), ...cells('B:', summary.bReasons), ...totals];
    case 'taisho':
      return [
        ...cells('project:', summary.projects),
        ...cells('kpi:', summary.kpis),
        { key: 'withdrawalCriteriaHit', label: '撤退基準に該当した取組', count: summary.withdrawalCriteriaHit },
        ...totals,
      ];
    case 'ordinal':
      return [...cells('', summary.rows), ...totals];
    default:
      return assertNever(summary, 'summary scheme');
  }
}
