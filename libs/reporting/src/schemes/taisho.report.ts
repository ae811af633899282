import type { ProjectRow } from '@pdca/projections';
import type { Rating, TaishoRating, TaishoSummary } from '@pdca/review';
import { TAISHO_ACHIEVEMENT_LABELS } from '@pdca/review';
import { UNRATED_SWATCH } from '../charts/swatch';
import { countJson } from '../json/count-json';
import { LABELS, ratingCell, ratingMeaning, ratingSymbol } from '../labels';
import { countCells, summaryLine, summaryTotalRows } from '../tables/summary-rows';
import type { Row } from '../tables/table';
import type { ReportScheme } from './report-scheme';
import { TAISHO_FLAT_COLUMNS_V4, TAISHO_OPEN_DATA_CODES, TAISHO_OPEN_DATA_COLUMNS } from './taisho-open-data';

const SWATCHES = {
  A: { fill: '#1565c0', text: '#ffffff', stroke: '#1565c0' },
  B: { fill: '#ffb300', text: '#000000', stroke: '#a04000' },
} as const;

const taisho = (rating: Rating | undefined) => (rating?.scheme === 'taisho' ? rating : undefined);

/** 再掲 rows print the rating as the ward does: "B（未達成）（再掲）". */
const achievementCell = (row: ProjectRow, rating: TaishoRating) =>
  `${rating.achievement}（${TAISHO_ACHIEVEMENT_LABELS[rating.achievement]}）${row.repost ? `（${LABELS.repost}）` : ''}`;

/** A hit criterion is said in words, not only highlighted. */
function withdrawalCell(criterion: string | undefined, hit: boolean | undefined): string {
  if (!criterion) return '';
  return hit ? `${criterion}（撤退基準に該当）` : criterion;
}

/** Seed 004: A/B for projects and KPIs, the withdrawal criteria hit, and the performance target per initiative. */
export const TAISHO_REPORT: ReportScheme<TaishoRating, TaishoSummary> = {
  summaryTable(summary, id, caption) {
    const rows: Row[] = [
      ...summary.projects.map((row): Row => ({
        kind: 'body',
        cells: ['取組', row.key, row.label, ...countCells(row)],
        cellKey: `project:${row.key}`,
      })),
      ...summary.kpis.map((row): Row => ({
        kind: 'body',
        cells: ['指標', row.key, row.label, ...countCells(row)],
        cellKey: `kpi:${row.key}`,
      })),
      {
        kind: 'breakdown',
        headerSpan: 3,
        cells: ['撤退基準に該当した取組', summary.withdrawalCriteriaHit, LABELS.noValue],
        cellKey: 'withdrawalCriteriaHit',
      },
      ...summaryTotalRows(summary, 3),
    ];
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
  },
  summaryLines: (summary) => [
    ...summary.projects.map(summaryLine('取組')),
    ...summary.kpis.map(summaryLine('指標')),
    { group: '撤退基準', key: 'withdrawal', label: '撤退基準に該当した取組', count: summary.withdrawalCriteriaHit },
  ],
  summaryJson: (summary) => ({
    scheme: 'taisho',
    total: summary.total,
    unrated: summary.unrated,
    projects: summary.projects.map(countJson),
    kpis: summary.kpis.map(countJson),
    withdrawalCriteriaHit: summary.withdrawalCriteriaHit,
  }),
  ratingJson: (rating, summary) => ({
    scheme: 'taisho',
    achievement: rating.achievement,
    label: ratingMeaning(rating, summary),
    performanceTarget: rating.performanceTarget ?? null,
    withdrawalCriterion: rating.withdrawalCriterion ?? null,
    withdrawalCriterionHit: rating.withdrawalCriterionHit ?? false,
    note: rating.note ?? null,
    ...(rating.implementedAsPlanned !== undefined ? { implementedAsPlanned: rating.implementedAsPlanned } : {}),
    ...(rating.issues ? { issues: rating.issues } : {}),
    ...(rating.improvements ? { improvements: rating.improvements } : {}),
  }),
  // The guide has always named the column 進捗状況 (the table says 達成状況); kept so published versions re-render byte for byte.
  guide: () => ({
    column: '進捗状況',
    symbols: (['A', 'B'] as const).map((key): [string, string] => [key, TAISHO_ACHIEVEMENT_LABELS[key]]),
    sections: [],
  }),
  // Taisho's three extra columns take their room from the plan columns, which are short there.
  projectTable: () => ({
    nameWidth: 24,
    planWidth: 15,
    noteWidth: 24,
    columns: [
      { header: '業績目標', width: 22 },
      { header: '撤退基準', width: 22 },
      { header: '達成状況', width: 11 },
    ],
  }),
  projectCells(row) {
    const rating = taisho(row.rating);
    return rating
      ? [
          rating.performanceTarget ?? '',
          withdrawalCell(rating.withdrawalCriterion, rating.withdrawalCriterionHit),
          achievementCell(row, rating),
        ]
      : ['', '', ratingCell(row)];
  },
  kpiColumns: [
    { header: '達成状況', width: 12 },
    { header: '備考', width: 30 },
  ],
  kpiCells(row) {
    const rating = taisho(row.rating);
    return [
      rating ? `${rating.achievement}（${TAISHO_ACHIEVEMENT_LABELS[rating.achievement]}）` : ratingSymbol(row.rating),
      row.rating?.note ?? '',
    ];
  },
  openDataProjectColumns: (model) => [
    { header: '達成状況', width: 8, value: (p) => ratingSymbol(p.row.rating) },
    { header: '達成状況の内容', width: 12, value: (p) => ratingMeaning(p.row.rating, model.summary) },
    { header: '業績目標', width: 30, value: (p) => taisho(p.row.rating)?.performanceTarget },
    { header: '撤退基準', width: 30, value: (p) => taisho(p.row.rating)?.withdrawalCriterion },
    {
      header: '撤退基準該当',
      width: 10,
      value: (p) => (taisho(p.row.rating) ? Number(taisho(p.row.rating)?.withdrawalCriterionHit ?? false) : undefined),
    },
  ],
  openDataKpiColumns: [
    { header: '達成状況', width: 8, value: (p) => (p.row.rating ? ratingSymbol(p.row.rating) : undefined) },
    { header: '備考', width: 40, value: (p) => p.row.rating?.note },
  ],
  previousYearHeader: '前年度までの実績',
  flatProjectColumnsV4: TAISHO_FLAT_COLUMNS_V4,
  machineReadableProjectColumns: TAISHO_OPEN_DATA_COLUMNS,
  bReasonColumns: false,
  machineReadableCodes: TAISHO_OPEN_DATA_CODES,
  palette: Object.values(SWATCHES),
  swatch: (key) => SWATCHES[key as keyof typeof SWATCHES] ?? UNRATED_SWATCH,
};
