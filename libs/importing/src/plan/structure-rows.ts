import type { StructureRow } from '../format/import-tables';
import { normalizeId } from './cells';
import type { PlanContext } from './context';
import { referenceTo } from './context';
import { checkRow, duplicateRows } from './row-check';

const KINDS: Record<string, 'pillar' | 'plan'> = {
  基本目標: 'pillar',
  pillar: 'pillar',
  戦略計画: 'plan',
  plan: 'plan',
};

/** Pillar and plan numbers defined by the table, so rows may refer to ones further down. */
export function defineStructure(ctx: PlanContext, rows: StructureRow[]): void {
  for (const row of rows) {
    const kind = KINDS[row.kind];
    if (kind && row.number) ctx.defined.add(`${kind}:${normalizeId(row.number)}`);
  }
}

/** pillarId = planId = code = 番号 (NFKC-normalised, so Ⅰ and I are the same pillar). */
export function readStructure(ctx: PlanContext, rows: StructureRow[]): void {
  const duplicates = duplicateRows(rows, (row) => `${KINDS[row.kind] ?? row.kind}:${normalizeId(row.number)}`);
  for (const row of rows) {
    const check = checkRow(ctx, row);
    const kind = KINDS[row.kind];
    if (check.required('kind') && !kind) {
      check.fail(
        'kind',
        'STRUCTURE_KIND_INVALID',
        '種別は「基本目標」または「戦略計画」です。',
        'Kind must be 基本目標 (pillar) or 戦略計画 (plan).',
      );
    }
    const id = check.id('number');
    if (duplicates.has(row.row))
      check.fail('number', 'DUPLICATE_ID', `番号「${id}」が重複しています。`, `Number ${id} appears more than once.`);
    check.required('name');
    const pillarId = kind === 'plan' ? pillarOf(ctx, check, row) : '';
    const origin = { table: row.table, row, column: '番号' };
    if (!check.ok || !kind) {
      if (kind && id && !duplicates.has(row.row)) ctx.failed.add(`${kind}:${id}`);
      continue;
    }
    if (kind === 'pillar') ctx.drafts.pillars.push({ data: { pillarId: id, code: id, title: row.name }, origin });
    else ctx.drafts.plans.push({ data: { planId: id, code: id, title: row.name, pillarId }, origin });
  }
}

function pillarOf(ctx: PlanContext, check: ReturnType<typeof checkRow<'構成'>>, row: StructureRow): string {
  if (!check.required('pillar')) return '';
  const pillarId = normalizeId(row.pillar);
  const reference = referenceTo(ctx, 'pillar', pillarId);
  if (reference === 'failed') check.skip();
  if (reference === 'unknown') {
    check.fail(
      'pillar',
      'PILLAR_UNKNOWN',
      `基本目標「${pillarId}」は構成表にも登録済みの基本目標にもありません。`,
      `Pillar ${pillarId} is neither in the 構成 table nor in the catalogue.`,
    );
  }
  return pillarId;
}
