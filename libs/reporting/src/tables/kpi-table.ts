import type { KpiRow, PlanSection, ReportModel } from '@pdca/projections';
import { warekiFiscalYear } from '@pdca/kernel';
import { withAsOf } from '../format';
import { LABELS } from '../labels';
import { reportSchemeOf } from '../schemes/registry';
import type { Cell, Column, Row, Table } from './table';

/** 達成度 only where baseline, target and actual are numbers in one unit; words have none. */
export const achievementCell = (row: KpiRow): Cell =>
  row.achievementPercent === undefined ? LABELS.noValue : { percent: row.achievementPercent };

/** Part 1 of seed 002: 指標 / 目標値 / 現状値 / 実績, plus 達成度 (and the scheme's KPI rating, e.g. Taisho's A/B). */
/** An indicator's name, then its target, baseline and the year's actual, each with its 時点: every scheme's KPI table starts so. */
export const kpiValueCells = (kpi: KpiRow): Cell[] => [
  kpi.indicator,
  withAsOf(kpi.target, kpi.targetAsOf),
  withAsOf(kpi.baseline, kpi.baselineAsOf),
  withAsOf(kpi.actual, kpi.actualAsOf),
];

export function kpiTable(model: ReportModel, plan: PlanSection): Table {
  const scheme = reportSchemeOf(model.scheme);
  const columns: Column[] = [
    { header: '指標', width: 36 },
    { header: '目標値', width: 22 },
    { header: '現状値', width: 22 },
    { header: `${warekiFiscalYear(model.fiscalYear)}末の実績`, width: 26 },
    { header: '達成度', width: 10, numeric: true },
    ...scheme.kpiColumns,
  ];
  const rows = plan.kpis.map((kpi): Row => ({
    kind: 'body',
    cells: [...kpiValueCells(kpi), achievementCell(kpi), ...scheme.kpiCells(kpi)],
  }));
  return { id: `kpi-${plan.planId}`, caption: `${LABELS.plan}${plan.code} ${LABELS.kpiHeading}`, columns, rows };
}
