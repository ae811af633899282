import type { PlanSection, ProjectRow, ReportModel } from '@pdca/projections';
import { warekiFiscalYear } from '@pdca/kernel';
import { LABELS } from '../labels';
import { reportSchemeOf } from '../schemes/registry';
import { repostMark, RepostOrigin } from './repost-origin';
import type { Cell, Column, Row, Table } from './table';

/** Part 2 of seed 002: one row per project under its numbered section; 再掲 rows marked in text, not only by style. */
export function projectTable(model: ReportModel, plan: PlanSection, origins: Map<string, RepostOrigin>): Table {
  const scheme = reportSchemeOf(model.scheme);
  const year = warekiFiscalYear(model.fiscalYear);
  const { nameWidth, planWidth, noteWidth, columns: ratingColumns } = scheme.projectTable(model);
  const columns: Column[] = [
    { header: '取組名', width: nameWidth },
    { header: '目標', width: planWidth },
    { header: `${warekiFiscalYear(model.fiscalYear - 1)}末の現況`, width: planWidth },
    { header: `${year}当初計画`, width: planWidth },
    { header: `${year}実績`, width: planWidth },
    ...ratingColumns,
    { header: '備考', width: noteWidth },
  ];
  const rows: Row[] = [];
  let section: string | undefined;
  for (const project of plan.projects) {
    if (project.sectionNo !== section) {
      section = project.sectionNo;
      rows.push({ kind: 'group', cells: [`${project.sectionNo} ${project.sectionTitle}`.trim()] });
    }
    rows.push(projectRow(project, scheme.projectCells(project), origins));
  }
  return {
    id: `projects-${plan.planId}`,
    caption: `${LABELS.plan}${plan.code} ${LABELS.actionPlanHeading}`,
    columns,
    rows,
  };
}

function projectRow(project: ProjectRow, ratingCells: Cell[], origins: Map<string, RepostOrigin>): Row {
  const name = project.repost
    ? `${project.name}${repostMark(origins.get(project.projectId), project.repostPart)}`
    : project.name;
  return {
    kind: project.repost ? 'repost' : 'body',
    cells: [
      name,
      project.target,
      project.statusAtPreviousYearEnd,
      project.planned,
      project.actual,
      ...ratingCells,
      project.note,
    ],
  };
}
