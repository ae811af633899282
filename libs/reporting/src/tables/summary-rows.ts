import type { SummaryRow } from '@pdca/review';
import { shareOf } from '../format';
import { LABELS } from '../labels';
import type { SummaryLine } from '../schemes/report-scheme';
import type { Row } from './table';

export const countCells = (row: SummaryRow): Row['cells'] => [row.count, { percent: row.share }];

export const summaryLine =
  (group: string) =>
  (row: SummaryRow): SummaryLine => ({ group, key: row.key, label: row.label, count: row.count, share: row.share });

/**
 * cellKey: the publication event's count key (summaryCounts), which provenance links the cell by.
 * 未評価 only while something is unrated, so a draft never looks complete; then 合計. The ward
 * prints 100% on the total line, although rounded shares need not add up to it.
 */
export function summaryTotalRows(summary: { unrated: number; total: number }, span: number): Row[] {
  const rows: Row[] = [];
  if (summary.unrated > 0)
    rows.push({
      kind: 'body',
      headerSpan: span,
      cells: [LABELS.unrated, summary.unrated, { percent: shareOf(summary.unrated, summary.total) }],
      cellKey: 'unrated',
    });
  rows.push({
    kind: 'total',
    headerSpan: span,
    cells: [LABELS.total, summary.total, { percent: summary.total === 0 ? 0 : 100 }],
    cellKey: 'total',
  });
  return rows;
}
