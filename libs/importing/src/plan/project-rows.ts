import { nothingPlanned } from '@pdca/catalogue';
import type { AnnualPlanData, ProjectData } from '@pdca/catalogue';
import { NERIMA_GRADES } from '@pdca/review';
import type { NerimaGrade } from '@pdca/review';
import type { FieldOf, ProjectRow } from '../format/import-tables';
import { normalizeGrade, normalizeId, parseFiscalYear } from './cells';
import type { PlanContext } from './context';
import { referenceTo, useSection } from './context';
import { readRating } from './project-rating';
import { repostPrint, repostRatingWarnings } from './repost-print';
import { checkRow, duplicateRows } from './row-check';
import type { RowCheck } from './row-check';

/**
 * Rows without 再掲元 are projects (projectId = 取組ID); rows with one are repost placements of
 * that project, not projects of their own, and carry no result (the ward counts a project once).
 */
export function readProjects(ctx: PlanContext, rows: ProjectRow[]): void {
  const duplicates = duplicateRows(rows, (row) => normalizeId(row.projectId));
  const originals = new Set(rows.filter((row) => !row.repostOf).map((row) => normalizeId(row.projectId)));
  const repostIds = new Set(rows.filter((row) => row.repostOf).map((row) => normalizeId(row.projectId)));
  const byId = new Map(rows.filter((row) => !row.repostOf).map((row) => [normalizeId(row.projectId), row]));
  for (const row of rows) {
    if (row.repostOf)
      readRepost(ctx, row, duplicates, { originals, repostIds, original: byId.get(normalizeId(row.repostOf)) });
    else readOriginal(ctx, row, duplicates);
  }
  ctx.warnings.push(...repostRatingWarnings(rows, byId));
}

function readOriginal(ctx: PlanContext, row: ProjectRow, duplicates: Set<number>): void {
  const check = checkRow(ctx, row);
  const projectId = projectIdOf(check, row, duplicates);
  const planId = planOf(ctx, check);
  for (const key of ['sectionNo', 'name', 'department', 'section'] as const) check.required(key);
  const notSuited = notSuitedOf(check, row);
  const fiscalYear = fiscalYearOf(check, true);
  const data: ProjectData = {
    projectId,
    name: row.name,
    home: { planId, sectionNo: row.sectionNo, sectionTitle: row.sectionTitle },
    sectionId: '',
    notSuitedForShortTermEvaluation: notSuited,
  };
  const annualPlan: AnnualPlanData = {
    projectId,
    fiscalYear: fiscalYear ?? 0,
    target: row.target,
    statusAtPreviousYearEnd: row.statusAtPreviousYearEnd,
    planned: row.planned,
  };
  // The catalogue's own rule for '-': 当初計画 empty or a dash.
  const entry = { ...data, reposts: [], retired: false, annualPlans: { [annualPlan.fiscalYear]: annualPlan } };
  const item = {
    kind: 'project' as const,
    notSuitedForShortTermEvaluation: notSuited,
    nothingPlanned: nothingPlanned(entry, annualPlan.fiscalYear),
  };
  const rating = readRating(check, row, item, ctx.bReasons);
  if (rating && rating.grade !== '-' && !row.actual) check.required('actual');
  if (!check.ok) {
    if (projectId && !duplicates.has(row.row)) ctx.failed.add(`project:${projectId}`);
    return;
  }
  const origin = { table: row.table, row, column: '取組ID' };
  data.sectionId = useSection(ctx, row.department, row.section, { ...origin, column: '事業実施課' });
  ctx.drafts.projects.push({ data, annualPlan, origin });
  if (!row.actual && !rating) return;
  ctx.drafts.records.push({
    item: { wardId: ctx.wardId, fiscalYear: annualPlan.fiscalYear, kind: 'project', itemId: projectId },
    sectionId: data.sectionId,
    actual: { kind: 'project', text: row.actual || '—' },
    ...(rating ? { rating } : {}),
    table: row.table,
    row: row.row,
  });
}

function readRepost(
  ctx: PlanContext,
  row: ProjectRow,
  duplicates: Set<number>,
  ids: { originals: Set<string>; repostIds: Set<string>; original?: ProjectRow },
): void {
  const check = checkRow(ctx, row);
  projectIdOf(check, row, duplicates);
  const sourceId = normalizeId(row.repostOf);
  const planId = planOf(ctx, check);
  check.required('sectionNo');
  notSuitedOf(check, row);
  fiscalYearOf(check, false);
  if (row.rating && !NERIMA_GRADES.includes(normalizeGrade(row.rating) as NerimaGrade)) {
    check.fail(
      'rating',
      'RATING_INVALID',
      `進捗状況は ${NERIMA_GRADES.join(', ')} のいずれかです。`,
      `The rating must be one of ${NERIMA_GRADES.join(', ')}.`,
    );
  }
  if (ctx.failed.has(`project:${sourceId}`)) check.skip();
  else if (!ids.originals.has(sourceId) && !ctx.current.projects[sourceId]) {
    check.fail(
      'repostOf',
      ids.repostIds.has(sourceId) ? 'REPOST_OF_REPOST' : 'REPOST_SOURCE_UNKNOWN',
      `再掲元「${sourceId}」は再掲でない取組の取組ID（この表または登録済み）ではありません。`,
      `再掲元 ${sourceId} is not the 取組ID of an original (non-repost) project in this table or the catalogue.`,
    );
  }
  const placement = {
    planId,
    sectionNo: row.sectionNo,
    sectionTitle: row.sectionTitle,
    ...repostPrint(row, ids.original),
  };
  const twice = ctx.drafts.reposts.some(
    (r) =>
      r.data.projectId === sourceId &&
      r.data.placement.planId === planId &&
      r.data.placement.sectionNo === row.sectionNo,
  );
  if (twice)
    check.fail(
      'sectionNo',
      'REPOST_DUPLICATE',
      `取組「${sourceId}」はこの戦略計画・項目番号にすでに再掲されています。`,
      `Project ${sourceId} is already reposted under this plan and heading.`,
    );
  if (check.ok)
    ctx.drafts.reposts.push({
      data: { projectId: sourceId, placement },
      origin: { table: row.table, row, column: '再掲元' },
    });
}

function projectIdOf(check: RowCheck<'取組'>, row: ProjectRow, duplicates: Set<number>): string {
  const id = check.id('projectId');
  if (id && duplicates.has(row.row))
    check.fail(
      'projectId',
      'DUPLICATE_ID',
      `取組ID「${id}」が重複しています。`,
      `取組ID ${id} appears more than once.`,
    );
  return id;
}

export function planOf<T extends '取組' | '指標'>(ctx: PlanContext, check: RowCheck<T>): string {
  const key = 'plan' as FieldOf<T>;
  if (!check.required(key)) return '';
  const planId = normalizeId(check.value(key));
  const reference = referenceTo(ctx, 'plan', planId);
  if (reference === 'failed') check.skip();
  if (reference === 'unknown')
    check.fail(
      key,
      'PLAN_UNKNOWN',
      `戦略計画「${planId}」は構成表にも登録済みの計画にもありません。`,
      `Strategic plan ${planId} is neither in the 構成 table nor in the catalogue.`,
    );
  return planId;
}

export function fiscalYearOf<T extends '取組' | '指標'>(check: RowCheck<T>, required: boolean): number | undefined {
  const key = 'fiscalYear' as FieldOf<T>;
  if (required ? !check.required(key) : !check.value(key)) return undefined;
  const year = parseFiscalYear(check.value(key));
  if (year === undefined)
    check.fail(
      key,
      'FISCAL_YEAR_INVALID',
      '年度は西暦の開始年（例 2022）または「令和4年度」の形で入力してください。',
      'The fiscal year must be its starting year, e.g. 2022 (or 令和4年度).',
    );
  return year;
}

function notSuitedOf(check: RowCheck<'取組'>, row: ProjectRow): boolean {
  const value = row.notSuited.normalize('NFKC');
  if (value !== '' && value !== '1')
    check.fail(
      'notSuited',
      'NOT_SUITED_INVALID',
      '短期評価対象外は 1 または空欄です。',
      '短期評価対象外 (not suited to short-term evaluation) must be 1 or empty.',
    );
  return value === '1';
}
