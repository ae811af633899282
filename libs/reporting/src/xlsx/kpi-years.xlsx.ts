import type { ReportModel } from '@pdca/projections';
import type { Worksheet } from 'exceljs';
import { warekiFiscalYear } from '@pdca/kernel';
import { LABELS } from '../labels';
import { kpiYearsOf } from '../layout/kpi-years';
import { reportParts } from '../layout/report-parts';
import type { FlatColumn } from '../open-data/flat-columns';
import type { ReportOptions } from '../publication-info';
import { writeFlatSheet } from './sheet-writers';

interface KpiYearRow {
  pillar: string;
  plan: string;
  kpiId: string;
  indicator: string;
  fiscalYear: number;
  actual: string;
  baseline: string;
  target: string;
}

const COLUMNS: Array<FlatColumn<KpiYearRow>> = [
  { header: LABELS.pillar, width: 10, value: (row) => row.pillar },
  { header: LABELS.plan, width: 10, value: (row) => row.plan },
  { header: '指標ID', width: 12, value: (row) => row.kpiId },
  { header: '指標', width: 40, value: (row) => row.indicator },
  { header: '年度（西暦）', width: 12, value: (row) => row.fiscalYear },
  { header: '年度（和暦）', width: 14, value: (row) => warekiFiscalYear(row.fiscalYear) },
  { header: '実績', width: 22, value: (row) => row.actual },
  { header: '現状値', width: 22, value: (row) => row.baseline },
  { header: '目標値', width: 22, value: (row) => row.target },
];

/** report-template/3: Part 1's multi-year table in long format, one row per KPI and year, so it filters and pivots. */
export function writeKpiYearsSheet(sheet: Worksheet, model: ReportModel, options: ReportOptions): void {
  const rows: KpiYearRow[] = [];
  for (const { pillar, plans } of reportParts(model).find((part) => part.key === 'kpis')?.pillars ?? []) {
    for (const plan of plans) {
      const { years, kpis } = kpiYearsOf(model, plan, options.kpiHistory);
      for (const { kpi, actuals } of kpis) {
        for (const year of years.filter((y) => actuals.has(y))) {
          rows.push({
            pillar: pillar.code,
            plan: plan.code,
            kpiId: kpi.kpiId,
            indicator: kpi.indicator,
            fiscalYear: year,
            actual: actuals.get(year) ?? '',
            baseline: kpi.baseline,
            target: kpi.target,
          });
        }
      }
    }
  }
  writeFlatSheet(sheet, COLUMNS, rows);
}
