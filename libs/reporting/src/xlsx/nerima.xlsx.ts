import type { Workbook, Worksheet } from 'exceljs';
import type { ReportModel } from '@pdca/projections';
import { printedKpiYearsTable } from '../layout/kpi-years';
import { readingGuideTables } from '../layout/reading-guide';
import { ReportPart, reportParts } from '../layout/report-parts';
import { LABELS } from '../labels';
import type { ReportOptions } from '../publication-info';
import { assessmentTable } from '../tables/assessment-table';
import { kpiTable } from '../tables/kpi-table';
import { projectTable } from '../tables/project-table';
import { repostOrigins } from '../tables/repost-origin';
import type { Table } from '../tables/table';
import { SheetGroup, writePartSheet, writeTables } from './taisho.xlsx';

type AddSheet = (workbook: Workbook, name: string) => Worksheet;

/**
 * report-template/5: the Nerima workbook opens with the printed report's parts, one sheet each and in
 * its order (表の見方, then 第1部 and 第2部 after 集計), built from the same tables as the PDF and the
 * HTML (kpiTable, printedKpiYearsTable, projectTable, assessmentTable), so the three cannot disagree. The flat
 * open-data sheets follow unchanged.
 */
export function writeNerimaGuideSheet(
  workbook: Workbook,
  model: ReportModel,
  templateVersion: string,
  addSheet: AddSheet,
): void {
  writeTables(addSheet(workbook, '表の見方'), readingGuideTables(model, templateVersion));
}

export function writeNerimaPartSheets(
  workbook: Workbook,
  model: ReportModel,
  options: ReportOptions,
  templateVersion: string,
  addSheet: AddSheet,
): void {
  const origins = repostOrigins(model);
  const tablesOf = (part: ReportPart, plan: ReportPart['pillars'][number]['plans'][number]): Table[] => {
    if (part.key === 'kpis') {
      const years = printedKpiYearsTable(model, plan, options.kpiHistory, templateVersion);
      return [kpiTable(model, plan), ...(years ? [years] : [])];
    }
    const assessment = assessmentTable(plan);
    return [...(plan.projects.length ? [projectTable(model, plan, origins)] : []), ...(assessment ? [assessment] : [])];
  };
  for (const part of reportParts(model)) {
    if (part.pillars.length === 0) continue;
    const groups: SheetGroup[] = part.pillars.map(({ pillar, plans }) => ({
      heading: `${LABELS.pillar}${pillar.code}：${pillar.title}`,
      sections: plans.map((plan) => ({
        heading: `${LABELS.plan}${plan.code}：${plan.title}`,
        tables: tablesOf(part, plan),
      })),
    }));
    writePartSheet(
      addSheet(workbook, part.key === 'kpis' ? '第1部 KPI' : '第2部 アクションプラン'),
      part.heading,
      groups,
    );
  }
}
