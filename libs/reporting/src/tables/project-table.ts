import type { PlanSection, ProjectRow, ReportModel } from '@pdca/projections';
import { warekiFiscalYear } from '@pdca/kernel';
import { LABELS, ratingCell } from '../labels';
import { repostMark, RepostOrigin } from './repost-origin';
import type { Column, Row, Table } from './table';

/** Part 2 of seed 002: one row per project under its numbered section; 再掲 rows marked in text, not only by style. */
export function projectTable(model: ReportModel, plan: PlanSection, origins: Map<string, RepostOrigin>): Table {
  const taisho = model.scheme === 'taisho';
  const year = warekiFiscalYear(model.fiscalYear);
  // Taisho's three extra columns take their room from the plan columns, which are short there.
  const plain = taisho ? 15 : 20;
  const columns: Column[] = [
    { header: '取組名', width: taisho ? 24 : 30 },
    { header: '目標', width: plain },
    { header: `${warekiFiscalYear(model.fiscalYear - 1)}末の現況`, width: plain },
    { header: `${year}当初計画`, width: plain },
    { header: `${year}実績`, width: plain },
    ...(taisho
      ? [{ header: '業績目標', width: 22 }, { header: '撤退基準', width: 22 }, { header: '達成状況', width: 11 }]
      : [{ header: '進捗状況', width: 10 }]),
    { header: '備考', width: taisho ? 24 : 30 },
  ];
  const rows: Row[] = [];
  let section: string | undefined;
  for (const project of plan.projects) {
    if (project.sectionNo !== section) {
      section = project.sectionNo;
      rows.push({ kind: 'group', cells: [`${project.sectionNo} ${project.sectionTitle}`.trim()] });
    }
    rows.push(projectRow(project, taisho, origins));
  }
  return { id: `projects-${plan.planId}`, caption: `${LABELS.plan}${plan.code} ${LABELS.actionPlanHeading}`, columns, rows };
}

function projectRow(project: ProjectRow, taisho: boolean, origins: Map<string, RepostOrigin>): Row {
  const name = project.repost ? `${project.name}${repostMark(origins.get(project.projectId))}` : project.name;
  const rating = project.rating;
  const taishoCells = rating?.scheme === 'taisho'
    ? [rating.performanceTarget ?? '', withdrawalCell(rating.withdrawalCriterion, rating.withdrawalCriterionHit), ratingCell(project)]
    : ['', '', ratingCell(project)];
  return {
    kind: project.repost ? 'repost' : 'body',
    cells: [
      name,
      project.target,
      project.statusAtPreviousYearEnd,
      project.planned,
      project.actual,
      ...(taisho ? taishoCells : [ratingCell(project)]),
      project.note,
    ],
  };
}

/** A hit criterion is said in words, not only highlighted. */
function withdrawalCell(criterion: string | undefined, hit: boolean | undefined): string {
  if (!criterion) return '';
  return hit ? `${criterion}（撤退基準に該当）` : criterion;
}
