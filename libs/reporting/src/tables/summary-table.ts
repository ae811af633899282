import type { NerimaSummary, ReportModel, Summary, SummaryRow, TaishoSummary } from '@pdca/projections';
import { shareOf } from '../format';
import { LABELS } from '../labels';
import type { Row, Table } from './table';

const count = (row: SummaryRow): Row['cells'] => [row.count, { percent: row.share }];

/** The ward prints 100% on the total line, although rounded shares need not add up to it. */
const totalShare = (summary: Summary) => ({ percent: summary.total === 0 ? 0 : 100 });

/** Seed 002's opening table: one row per grade, the B row followed by its 内訳, then 合計. */
export function summaryTable(model: ReportModel, id = 'summary', options: SummaryTableOptions = {}): Table {
  const caption = `${LABELS.summaryHeading}（${model.fiscalYearLabel}）`;
  return model.summary.scheme === 'nerima' ? nerimaTable(model.summary, id, caption, options) : taishoTable(model.summary, id, caption);
}

export interface SummaryTableOptions {
  /**
   * Print 内訳 once, on the first breakdown row, as the ward does (the PDF and HTML of template 2).
   * The open-data sheets keep it on every row: one datum per cell, no blank meaning "as above".
   */
  breakdownLabelOnce?: boolean;
}

function nerimaTable(summary: NerimaSummary, id: string, caption: string, options: SummaryTableOptions): Table {
  const rows: Row[] = [];
  for (const row of summary.rows) {
    rows.push({ kind: 'body', cells: [row.key, row.label, ...count(row)], cellKey: row.key });
    const asAbove = (i: number) => (options.breakdownLabelOnce && i > 0 ? { headerAsAbove: true } : {});
    if (row.key === 'B') rows.push(...summary.bReasons.map((reason, i): Row => ({ kind: 'breakdown', cells: [LABELS.breakdown, reason.label, ...count(reason)], ...asAbove(i), cellKey: `B:${reason.key}` })));
  }
  if (summary.unrated > 0) rows.push(unratedRow(summary, 2));
  rows.push({ kind: 'total', headerSpan: 2, cells: [LABELS.total, summary.total, totalShare(summary)], cellKey: 'total' });
  return {
    id,
    caption,
    columns: [
      { header: '評価', width: 8 },
      { header: '進捗状況', width: 60 },
      { header: '事業数', width: 10, numeric: true },
      { header: '割合', width: 10, numeric: true },
    ],
    rows,
  };
}

function taishoTable(summary: TaishoSummary, id: string, caption: string): Table {
  const rows: Row[] = [
    ...summary.projects.map((row): Row => ({ kind: 'body', cells: ['取組', row.key, row.label, ...count(row)], cellKey: `project:${row.key}` })),
    ...summary.kpis.map((row): Row => ({ kind: 'body', cells: ['指標', row.key, row.label, ...count(row)], cellKey: `kpi:${row.key}` })),
    { kind: 'breakdown', headerSpan: 3, cells: ['撤退基準に該当した取組', summary.withdrawalCriteriaHit, LABELS.noValue], cellKey: 'withdrawalCriteriaHit' },
  ];
  if (summary.unrated > 0) rows.push(unratedRow(summary, 3));
  rows.push({ kind: 'total', headerSpan: 3, cells: [LABELS.total, summary.total, totalShare(summary)], cellKey: 'total' });
  return {
    id,
    caption,
    columns: [
      { header: '対象', width: 8 },
      { header: '評価', width: 8 },
      { header: '達成状況', width: 40 },
      { header: '件数', width: 10, numeric: true },
      { header: '割合', width: 10, numeric: true },
    ],
    rows,
  };
}

/** Shown only while something is unrated, so a draft never looks complete. */
function unratedRow(summary: Summary, span: number): Row {
  return { kind: 'body', headerSpan: span, cells: [LABELS.unrated, summary.unrated, { percent: shareOf(summary.unrated, summary.total) }], cellKey: 'unrated' };
}
