import type { NerimaRating, NerimaSummary, Rating } from '@pdca/review';
import { countJson } from '../json/count-json';
import { UNRATED_SWATCH } from '../charts/swatch';
import { LABELS, ratingCell, ratingMeaning, ratingSymbol } from '../labels';
import { countCells, summaryLine, summaryTotalRows } from '../tables/summary-rows';
import type { Row } from '../tables/table';
import type { ReportScheme } from './report-scheme';

const SWATCHES = {
  'A+': { fill: '#1b5e20', text: '#ffffff', stroke: '#1b5e20' },
  A: { fill: '#81c784', text: '#000000', stroke: '#0d47a1' },
  B: { fill: '#ffb300', text: '#000000', stroke: '#a04000' },
  '*': { fill: '#90a4ae', text: '#000000', stroke: '#37474f' },
  '-': { fill: '#e0e0e0', text: '#000000', stroke: '#5d4037' },
} as const;

/** Seed 002: one row per grade, the B row followed by its 内訳; 進捗状況 per project with the B category in open data. */
export const NERIMA_REPORT: ReportScheme<NerimaRating, NerimaSummary> = {
  summaryTable(summary, id, caption, options) {
    const rows: Row[] = [];
    for (const row of summary.rows) {
      rows.push({ kind: 'body', cells: [row.key, row.label, ...countCells(row)], cellKey: row.key });
      const asAbove = (i: number) => (options.breakdownLabelOnce && i > 0 ? { headerAsAbove: true } : {});
      if (row.key === 'B')
        rows.push(
          ...summary.bReasons.map((reason, i): Row => ({
            kind: 'breakdown',
            cells: [LABELS.breakdown, reason.label, ...countCells(reason)],
            ...asAbove(i),
            cellKey: `B:${reason.key}`,
          })),
        );
    }
    rows.push(...summaryTotalRows(summary, 2));
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
  },
  summaryLines(summary) {
    const line = summaryLine;
    return summary.rows.flatMap((row) => [
      line('評価')(row),
      ...(row.key === 'B' ? summary.bReasons.map(line('Bの内訳')) : []),
    ]);
  },
  summaryJson: (summary) => ({
    scheme: 'nerima',
    total: summary.total,
    unrated: summary.unrated,
    ratings: summary.rows.map(countJson),
    bReasons: summary.bReasons.map(countJson),
  }),
  ratingJson(rating, summary) {
    const label = summary.bReasons.find((r) => r.key === rating.bReason)?.label;
    const bReason = rating.bReason ? { code: rating.bReason, label: label ?? rating.bReason } : null;
    return {
      scheme: 'nerima',
      grade: rating.grade,
      label: ratingMeaning(rating, summary),
      bReason,
      note: rating.note ?? null,
    };
  },
  guide: (summary) => ({
    column: '進捗状況',
    symbols: summary.rows.map((row): [string, string] => [row.key, row.label]),
    sections: [
      {
        heading: `B の${LABELS.breakdown}`,
        entries: [
          [
            '',
            'B（遅れや修正が生じたもの）の取組を、遅れや修正の主な理由で次のように分けて、集計表の B の行の下に件数と割合を示します。',
          ],
          ...summary.bReasons.map((reason, i): [string, string] => [`${i + 1}`, reason.label]),
        ],
      },
    ],
  }),
  projectTable: () => ({ nameWidth: 30, planWidth: 20, noteWidth: 30, columns: [{ header: '進捗状況', width: 10 }] }),
  projectCells: (row) => [ratingCell(row)],
  kpiColumns: [],
  kpiCells: () => [],
  openDataProjectColumns(model) {
    const reasons = new Map(
      model.summary.scheme === 'nerima' ? model.summary.bReasons.map((r) => [r.key, r.label]) : [],
    );
    const nerima = (rating: Rating | undefined) => (rating?.scheme === 'nerima' ? rating : undefined);
    return [
      { header: '進捗状況', width: 8, value: (p) => ratingSymbol(p.row.rating) },
      { header: '進捗状況の内容', width: 24, value: (p) => ratingMeaning(p.row.rating, model.summary) },
      { header: 'Bの内訳コード', width: 16, value: (p) => nerima(p.row.rating)?.bReason },
      {
        header: 'Bの内訳',
        width: 36,
        value: (p) => reasons.get(nerima(p.row.rating)?.bReason ?? '') ?? nerima(p.row.rating)?.bReason,
      },
    ];
  },
  openDataKpiColumns: [],
  previousYearHeader: '前年度末の現況',
  flatProjectColumnsV4: [],
  machineReadableProjectColumns: [],
  bReasonColumns: true,
  machineReadableCodes: [],
  palette: Object.values(SWATCHES),
  swatch: (key) => SWATCHES[key as keyof typeof SWATCHES] ?? UNRATED_SWATCH,
};
