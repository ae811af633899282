import type { PlanSection, ProjectRow, ReportModel } from '@pdca/projections';
import type { Rating } from '@pdca/review';
import type { Chart } from '../../charts/scene';
import { LABELS } from '../../labels';
import type { ReportOptions } from '../../publication-info';
import type { Row, Table } from '../../tables/table';
import { kpiYearsChart, printedKpiYearsTable, printsYearsTable, yearHeading } from '../kpi-years';
import { TAISHO_WORDS, TARGET_LABELS } from './taisho-words';

/**
 * report-template/4: a Taisho report over the years the ward has. Part 1 gives each 戦略's 成果指標
 * per year (table and chart, as Nerima's Part 1); Part 2 each initiative's 業績目標 result per year,
 * which seed 004 otherwise carries only as prose in 前年度までの実績.
 */
const wordsOf = (plan: PlanSection) => ({ plan: `${TAISHO_WORDS.plan}［${plan.code}］`, kpi: TAISHO_WORDS.kpi });

export function outcomeYears(
  model: ReportModel,
  plan: PlanSection,
  options: ReportOptions,
  templateVersion: string,
): { table?: Table; chart?: Chart } {
  const table = printedKpiYearsTable(model, plan, options.kpiHistory, templateVersion, wordsOf(plan));
  if (!table) return {}; // report-template/5: one year only would repeat the 成果指標 table above
  const chart = kpiYearsChart(
    model,
    plan,
    options.kpiHistory,
    `outcome-years-${plan.planId}`,
    templateVersion,
    wordsOf(plan),
  );
  return { table: { ...table, id: `outcome-years-${plan.planId}` }, ...(chart ? { chart } : {}) };
}

/** "A", a full-width space, "目標達成" (or 撤退基準未達成 where the criterion was hit); 未評価 where the year has no rating. */
const resultCell = (rating: Rating | undefined) => {
  if (rating?.scheme !== 'taisho') return LABELS.unrated;
  return `${rating.achievement}　${rating.withdrawalCriterionHit ? TARGET_LABELS.hit : TARGET_LABELS[rating.achievement]}`;
};

/**
 * Each initiative's 業績目標 and its result in every year the ward has published, then this one; from
 * report-template/5 undefined with this year only (its one column repeats 業績目標の達成状況 above).
 */
export function initiativeYearsTable(
  model: ReportModel,
  plan: PlanSection,
  options: ReportOptions,
  templateVersion: string,
): Table | undefined {
  const initiatives = plan.projects.filter((row) => !row.repost);
  const earlier = (row: ProjectRow) =>
    (options.projectHistory?.[row.projectId] ?? []).filter((point) => point.fiscalYear < model.fiscalYear);
  const years = [
    ...new Set([...initiatives.flatMap((row) => earlier(row).map((point) => point.fiscalYear)), model.fiscalYear]),
  ].sort((a, b) => a - b);
  if (!printsYearsTable(years, templateVersion)) return undefined;
  const rows = initiatives.map((row): Row => {
    const byYear = new Map(earlier(row).map((point) => [point.fiscalYear, point.rating]));
    byYear.set(model.fiscalYear, row.rating);
    const target = row.rating?.scheme === 'taisho' ? row.rating.performanceTarget : undefined;
    return {
      kind: 'body',
      cells: [
        row.name,
        target || row.target,
        ...years.map((year) => (byYear.has(year) ? resultCell(byYear.get(year)) : '—')),
      ],
    };
  });
  return {
    id: `initiative-years-${plan.planId}`,
    caption: `${wordsOf(plan).plan} ${TAISHO_WORDS.project}の業績目標の達成状況（年度別）`,
    columns: [
      { header: TAISHO_WORDS.project, width: 30 },
      { header: '業績目標', width: 24 },
      ...years.map((year) => ({ header: yearHeading(year), width: 16 })),
    ],
    rows,
  };
}
