import type { KpiKind } from '@pdca/catalogue';
import { parseMeasuredValue } from '@pdca/kernel';
import type { KpiRow } from '../format/import-tables';
import type { PlanContext } from './context';
import { useSection } from './context';
import { fiscalYearOf, planOf } from './project-rows';
import { normalizeId } from './cells';
import { checkRow, duplicateRows } from './row-check';
import type { RowCheck } from './row-check';

const KINDS: Record<string, KpiKind> = {
  アウトプット: 'output',
  output: 'output',
  アウトカム: 'outcome',
  outcome: 'outcome',
};

/** kpiId = 指標ID. Run after the projects: a KPI without its own section takes one from its plan's projects. */
export function readKpis(ctx: PlanContext, rows: KpiRow[]): void {
  const duplicates = duplicateRows(rows, (row) => normalizeId(row.kpiId));
  for (const row of rows) {
    const check = checkRow(ctx, row);
    const kpiId = check.id('kpiId');
    if (kpiId && duplicates.has(row.row))
      check.fail(
        'kpiId',
        'DUPLICATE_ID',
        `指標ID「${kpiId}」が重複しています。`,
        `指標ID ${kpiId} appears more than once.`,
      );
    const planId = planOf(ctx, check);
    for (const key of ['indicator', 'target', 'targetAsOf', 'baseline', 'baselineAsOf'] as const) check.required(key);
    const kind = KINDS[row.kind];
    if (check.required('kind') && !kind)
      check.fail(
        'kind',
        'KPI_KIND_INVALID',
        '区分は「アウトプット」または「アウトカム」です。',
        '区分 (kind) must be アウトプット (output) or アウトカム (outcome).',
      );
    const fiscalYear = fiscalYearOf(check, row.actual !== '');
    if (row.actual) check.required('actualAsOf');
    const origin = { table: row.table, row, column: '指標ID' };
    const sectionId = check.ok ? sectionOf(ctx, check, row, planId) : '';
    if (!check.ok) {
      if (kpiId && !duplicates.has(row.row)) ctx.failed.add(`kpi:${kpiId}`);
      continue;
    }
    ctx.drafts.kpis.push({
      data: {
        kpiId,
        planId,
        indicator: row.indicator,
        kind,
        sectionId,
        baseline: { value: parseMeasuredValue(row.baseline), asOf: row.baselineAsOf },
        target: { value: parseMeasuredValue(row.target), asOf: row.targetAsOf },
      },
      origin,
    });
    if (!row.actual || fiscalYear === undefined) continue;
    ctx.drafts.records.push({
      item: { wardId: ctx.wardId, fiscalYear, kind: 'kpi', itemId: kpiId },
      sectionId,
      actual: { kind: 'kpi', value: parseMeasuredValue(row.actual), asOf: row.actualAsOf },
      table: row.table,
      row: row.row,
    });
  }
}

/**
 * 事業実施部/課 when given; else the section the catalogue already has for the KPI; else the section
 * owning most of the plan's projects (this import's, then the catalogue's; ties go to the first listed).
 */
function sectionOf(ctx: PlanContext, check: RowCheck<'指標'>, row: KpiRow, planId: string): string {
  const origin = { table: row.table, row, column: '事業実施課' };
  if (row.department && row.section) return useSection(ctx, row.department, row.section, origin);
  if (row.department || row.section) {
    check.fail(
      row.department ? 'section' : 'department',
      'CELL_REQUIRED',
      '事業実施部と事業実施課は組で入力してください。',
      'Give both the department and the section, or neither.',
    );
    return '';
  }
  const registered = ctx.current.kpis[normalizeId(row.kpiId)]?.sectionId;
  const fromImport = ctx.drafts.projects.filter((p) => p.data.home.planId === planId).map((p) => p.data.sectionId);
  const fromCatalogue = Object.values(ctx.current.projects)
    .filter((p) => !p.retired && p.home.planId === planId)
    .map((p) => p.sectionId);
  const sectionId = registered ?? mostFrequent(fromImport) ?? mostFrequent(fromCatalogue);
  if (!sectionId) {
    check.fail(
      'section',
      'KPI_SECTION_UNKNOWN',
      `戦略計画「${planId}」に取組がないため担当課を決められません。事業実施部・事業実施課を入力してください。`,
      `Plan ${planId} has no projects to take a section from; fill in the department and section.`,
    );
    return '';
  }
  return sectionId;
}

function mostFrequent(values: string[]): string | undefined {
  const counts = new Map<string, number>();
  values.forEach((value) => counts.set(value, (counts.get(value) ?? 0) + 1));
  let best: string | undefined;
  for (const [value, count] of counts) if (best === undefined || count > counts.get(best)!) best = value;
  return best;
}
