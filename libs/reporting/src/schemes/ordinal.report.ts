import type { OrdinalRating, OrdinalSummary } from '@pdca/review';
import { UNRATED_SWATCH } from '../charts/swatch';
import { countJson } from '../json/count-json';
import { ratingCell, ratingMeaning, ratingSymbol } from '../labels';
import { countCells, summaryLine, summaryTotalRows } from '../tables/summary-rows';
import type { Row } from '../tables/table';
import type { ReportScheme } from './report-scheme';

/** Best to worst: dark green to light grey; text contrast 4.5:1 and strokes 3:1 checked by palette.spec. */
const SCALE_SWATCHES = [
  { fill: '#1b5e20', text: '#ffffff', stroke: '#1b5e20' },
  { fill: '#81c784', text: '#000000', stroke: '#0d47a1' },
  { fill: '#fff176', text: '#000000', stroke: '#6d4c41' },
  { fill: '#ffb300', text: '#000000', stroke: '#a04000' },
  { fill: '#c62828', text: '#ffffff', stroke: '#c62828' },
  { fill: '#6a1b9a', text: '#ffffff', stroke: '#6a1b9a' },
  { fill: '#90a4ae', text: '#000000', stroke: '#37474f' },
  { fill: '#e0e0e0', text: '#000000', stroke: '#5d4037' },
  { fill: '#0d47a1', text: '#ffffff', stroke: '#0d47a1' },
  { fill: '#4e342e', text: '#ffffff', stroke: '#4e342e' },
];

/** The ward's own grades, in the scale's order and with its labels; a reason (備考) per grade where required. */
export const ORDINAL_REPORT: ReportScheme<OrdinalRating, OrdinalSummary> = {
  summaryTable: (summary, id, caption) => ({
    id,
    caption,
    columns: [
      { header: '評価', width: 8 },
      { header: '評価の内容', width: 60 },
      { header: '事業数', width: 10, numeric: true },
      { header: '割合', width: 10, numeric: true },
    ],
    rows: [
      ...summary.rows.map((row): Row => ({
        kind: 'body',
        cells: [row.key, row.label, ...countCells(row)],
        cellKey: row.key,
      })),
      ...summaryTotalRows(summary, 2),
    ],
  }),
  summaryLines: (summary) => summary.rows.map(summaryLine('評価')),
  summaryJson: (summary) => ({
    scheme: 'ordinal',
    total: summary.total,
    unrated: summary.unrated,
    ratings: summary.rows.map(countJson),
  }),
  ratingJson: (rating, summary) => ({
    scheme: 'ordinal',
    grade: rating.grade,
    label: ratingMeaning(rating, summary),
    note: rating.note ?? null,
  }),
  guide: (summary) => ({
    column: '評価',
    symbols: summary.rows.map((row): [string, string] => [row.key, row.label]),
    sections: [],
  }),
  projectTable: () => ({ nameWidth: 30, planWidth: 20, noteWidth: 30, columns: [{ header: '評価', width: 10 }] }),
  projectCells: (row) => [ratingCell(row)],
  kpiColumns: [],
  kpiCells: () => [],
  openDataProjectColumns: (model) => [
    { header: '評価', width: 8, value: (p) => ratingSymbol(p.row.rating) },
    { header: '評価の内容', width: 24, value: (p) => ratingMeaning(p.row.rating, model.summary) },
  ],
  openDataKpiColumns: [],
  previousYearHeader: '前年度末の現況',
  flatProjectColumnsV4: [],
  machineReadableProjectColumns: [],
  bReasonColumns: false,
  machineReadableCodes: [],
  palette: SCALE_SWATCHES,
  swatch: (key, index) => (key === 'unrated' ? UNRATED_SWATCH : SCALE_SWATCHES[index % SCALE_SWATCHES.length]),
};
