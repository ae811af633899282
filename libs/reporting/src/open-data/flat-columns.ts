import type { KpiRow, PillarSection, PlanSection, ProjectRow, ReportModel } from '@pdca/projections';
import { kpiKindLabel } from '../labels';
import { reportSchemeOf } from '../schemes/registry';
import type { PublicationInfo } from '../publication-info';
import { repostOrigins } from '../tables/repost-origin';
import { usesFlatDataV4 } from '../template-version';

/**
 * The open-data tables, one line per row with its pillar and plan spelled out: the CSV files and
 * the workbook's KPI and アクションプラン sheets share these columns so they never disagree.
 */
export interface FlatColumn<Row> {
  header: string;
  /** Spreadsheet column width in characters. */
  width: number;
  value: (row: Row) => string | number | undefined;
}

export interface Placed<Row> {
  pillar: PillarSection;
  plan: PlanSection;
  row: Row;
}

/** Every project row (再掲 included) and every KPI, in report order. */
export function placedRows(model: ReportModel): { projects: Array<Placed<ProjectRow>>; kpis: Array<Placed<KpiRow>> } {
  const plans = model.pillars.flatMap((pillar) => pillar.plans.map((plan) => ({ pillar, plan })));
  return {
    projects: plans.flatMap(({ pillar, plan }) => plan.projects.map((row) => ({ pillar, plan, row }))),
    kpis: plans.flatMap(({ pillar, plan }) => plan.kpis.map((row) => ({ pillar, plan, row }))),
  };
}

function placementColumns<Row>(model: ReportModel, publication: PublicationInfo): Array<FlatColumn<Placed<Row>>> {
  return [
    { header: '年度', width: 8, value: () => model.fiscalYear },
    { header: '版', width: 5, value: () => publication.version },
    { header: '基本目標番号', width: 8, value: (p) => p.pillar.code },
    { header: '基本目標', width: 24, value: (p) => p.pillar.title },
    { header: '戦略計画番号', width: 8, value: (p) => p.plan.code },
    { header: '戦略計画', width: 30, value: (p) => p.plan.title },
  ];
}

/** 再掲 is 1 on a repost row, 0 on the project's own row: count rows with 0 to count projects. */
export function projectColumns(
  model: ReportModel,
  publication: PublicationInfo,
): Array<FlatColumn<Placed<ProjectRow>>> {
  const origins = repostOrigins(model);
  const scheme = reportSchemeOf(model.scheme);
  const v4 = usesFlatDataV4(publication.templateVersion);
  return [
    ...placementColumns<ProjectRow>(model, publication),
    { header: '項目番号', width: 8, value: (p) => p.row.sectionNo },
    { header: '項目名', width: 30, value: (p) => p.row.sectionTitle },
    { header: '取組ID', width: 12, value: (p) => p.row.projectId },
    { header: '取組名', width: 36, value: (p) => p.row.name },
    { header: '再掲', width: 6, value: (p) => (p.row.repost ? 1 : 0) },
    {
      header: '再掲元戦略計画番号',
      width: 10,
      value: (p) => (p.row.repost ? origins.get(p.row.projectId)?.planCode : undefined),
    },
    { header: '事業実施課', width: 24, value: (p) => p.row.responsible },
    { header: '目標', width: 28, value: (p) => p.row.target },
    {
      header: v4 ? scheme.previousYearHeader : '前年度末の現況',
      width: 28,
      value: (p) => p.row.statusAtPreviousYearEnd,
    },
    { header: '当初計画', width: 28, value: (p) => p.row.planned },
    { header: '実績', width: 28, value: (p) => p.row.actual },
    ...scheme.openDataProjectColumns(model),
    { header: '備考', width: 40, value: (p) => p.row.note },
    ...(v4 ? [...repostColumns, ...scheme.flatProjectColumnsV4] : []),
  ];
}

/** report-template/4: the repost's own label stays 取組名; these say whose repost it is and which part it covers. */
const repostColumns: Array<FlatColumn<Placed<ProjectRow>>> = [
  { header: '再掲元取組名', width: 30, value: (p) => (p.row.repost ? (p.row.originalName ?? p.row.name) : undefined) },
  { header: '一部再掲の範囲', width: 24, value: (p) => (p.row.repost ? p.row.repostPart : undefined) },
];

export function kpiColumns(model: ReportModel, publication: PublicationInfo): Array<FlatColumn<Placed<KpiRow>>> {
  return [
    ...placementColumns<KpiRow>(model, publication),
    { header: '指標ID', width: 12, value: (p) => p.row.kpiId },
    { header: '指標', width: 40, value: (p) => p.row.indicator },
    { header: '区分', width: 12, value: (p) => kpiKindLabel(p.row) },
    { header: '目標値', width: 24, value: (p) => p.row.target },
    { header: '目標時点', width: 18, value: (p) => p.row.targetAsOf },
    { header: '現状値', width: 24, value: (p) => p.row.baseline },
    { header: '現状値時点', width: 18, value: (p) => p.row.baselineAsOf },
    { header: '実績', width: 24, value: (p) => p.row.actual },
    { header: '実績時点', width: 18, value: (p) => p.row.actualAsOf },
    { header: '達成度（%）', width: 10, value: (p) => p.row.achievementPercent },
    ...reportSchemeOf(model.scheme).openDataKpiColumns,
  ];
}
