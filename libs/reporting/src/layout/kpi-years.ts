import type { KpiRow, PlanSection, ReportModel } from '@pdca/projections';
import { comparableShareOfTarget, parseMeasuredValue, warekiFiscalYear } from '@pdca/kernel';
import { lineChart, niceMax, Series } from '../charts/line-chart';
import { Chart, fitText, MarkerShape } from '../charts/scene';
import { LABELS } from '../labels';
import type { ReportOptions } from '../publication-info';
import type { Row, Table } from '../tables/table';
import { usesComparableFigures, yearTablesNeedTwoYears } from '../template-version';

/** 和暦 with the Western year, as the ward prints a year heading: 令和4年度（2022年度）. */
export const yearHeading = (fiscalYear: number) => `${warekiFiscalYear(fiscalYear)}（${fiscalYear}年度）`;

export interface KpiYears {
  kpi: KpiRow;
  /** The reported actual per fiscal year: earlier published years, then the report's own. */
  actuals: Map<number, string>;
}

/** One plan's KPIs over every fiscal year the ward has a value for (the report's own year always). */
export function kpiYearsOf(
  model: ReportModel,
  plan: PlanSection,
  history: ReportOptions['kpiHistory'],
): { years: number[]; kpis: KpiYears[] } {
  const kpis = plan.kpis.map((kpi): KpiYears => {
    const actuals = new Map<number, string>();
    for (const point of history?.[kpi.kpiId] ?? [])
      if (point.fiscalYear !== model.fiscalYear) actuals.set(point.fiscalYear, point.actual);
    actuals.set(model.fiscalYear, kpi.actual);
    return { kpi, actuals };
  });
  const years = [...new Set(kpis.flatMap(({ actuals }) => [...actuals.keys()]))].sort((a, b) => a - b);
  return { years, kpis };
}

/**
 * Whether a table over `years` is printed: from report-template/5 only with two years or more, since one
 * year's column repeats the year's own table above it.
 */
export const printsYearsTable = (years: readonly number[], templateVersion: string) =>
  years.length >= 2 || !yearTablesNeedTwoYears(templateVersion);

/** The plan's multi-year table as the template prints it, or undefined where it would repeat Part 1's table. */
export function printedKpiYearsTable(
  model: ReportModel,
  plan: PlanSection,
  history: ReportOptions['kpiHistory'],
  templateVersion: string,
  words?: { plan: string; kpi: string },
): Table | undefined {
  const table = kpiYearsTable(model, plan, history, words);
  return printsYearsTable(kpiYearsOf(model, plan, history).years, templateVersion) ? table : undefined;
}

/** 指標 / 現状値 / one column per year's actual / 目標値: the multi-year table, and the data of the plan's chart. */
export function kpiYearsTable(
  model: ReportModel,
  plan: PlanSection,
  history: ReportOptions['kpiHistory'],
  words = { plan: `${LABELS.plan}${plan.code}`, kpi: '指標' },
): Table {
  const { years, kpis } = kpiYearsOf(model, plan, history);
  const columns = [
    { header: words.kpi, width: 36 },
    { header: '現状値', width: 18 },
    ...years.map((year) => ({ header: `${yearHeading(year)}実績`, width: 18 })),
    { header: '目標値', width: 18 },
  ];
  const rows = kpis.map(({ kpi, actuals }): Row => ({
    kind: 'body',
    cells: [kpi.indicator, kpi.baseline, ...years.map((year) => actuals.get(year) || '—'), kpi.target],
  }));
  return { id: `kpi-years-${plan.planId}`, caption: `${words.plan} ${words.kpi}の年度別実績`, columns, rows };
}

const MARKERS: MarkerShape[] = ['circle', 'square', 'diamond', 'triangle', 'bar'];
const STROKES = ['#0d47a1', '#b71c1c', '#1b5e20', '#4a148c', '#e65100'];
const DASHES: Array<[number, number] | undefined> = [undefined, [6, 3], [2, 2], [10, 3], [1, 3]];

/**
 * One line per numeric KPI, each year's actual as a share of its target. A plan's KPIs count different
 * things (施設数, 件数, %), so one axis holds them only as 目標値に対する割合; the table beside the
 * chart has the values themselves. Undefined when no KPI of the plan has a number with a numeric target
 * (and, from report-template/5, when fewer than two years have one).
 */
export function kpiYearsChart(
  model: ReportModel,
  plan: PlanSection,
  history: ReportOptions['kpiHistory'],
  id: string,
  templateVersion: string,
  words = { plan: `${LABELS.plan}${plan.code}`, kpi: '指標' },
): Chart | undefined {
  const { years, kpis } = kpiYearsOf(model, plan, history);
  const comparable = usesComparableFigures(templateVersion);
  const series: Series[] = [];
  const names: string[] = [];
  for (const { kpi, actuals } of kpis) {
    const target = parseMeasuredValue(kpi.target).number;
    if (!target) continue;
    const values = years.map((year) => {
      if (comparable) return comparableShareOfTarget(actuals.get(year) ?? '', kpi.target);
      const value = parseMeasuredValue(actuals.get(year) ?? '').number;
      return value === undefined ? undefined : Math.round((value / target) * 1000) / 10;
    });
    if (values.every((value) => value === undefined)) continue;
    const i = series.length;
    names.push(kpi.indicator);
    series.push({
      // The line's end label has the chart's right margin (150 of 760) with its percent; the table has the whole name.
      label: fitText(kpi.indicator, 11, 110),
      values,
      stroke: STROKES[i % STROKES.length],
      marker: MARKERS[i % MARKERS.length],
      dash: DASHES[i % DASHES.length],
    });
  }
  if (series.length === 0) return undefined;
  // From report-template/5 a trend needs two years: one year's points repeat the table above the chart.
  if (comparable && years.filter((_, i) => series.some((line) => line.values[i] !== undefined)).length < 2)
    return undefined;
  const description = series
    .map(
      (line, n) =>
        `${names[n]}：${years.map((year, i) => `${yearHeading(year)} ${line.values[i] === undefined ? '—' : `${line.values[i]}%`}`).join('、')}。`,
    )
    .join('');
  const top = Math.max(
    100,
    ...series.flatMap((line) => line.values.filter((value): value is number => value !== undefined)),
  );
  return lineChart({
    id,
    title: `${words.plan} ${words.kpi}の目標値に対する実績の推移`,
    description: `${description}値は前の表「${words.plan} ${words.kpi}の年度別実績」のとおり。`,
    years,
    series,
    yMax: niceMax(top),
    format: (value) => `${Math.round(value)}%`,
  });
}
