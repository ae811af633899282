import { decideCatalogueSteps } from '@pdca/catalogue';
import type { CatalogueState } from '@pdca/catalogue';
import { DomainError } from '@pdca/kernel';
import { headerOf } from '../format/columns';
import type { FieldOf, ImportTable } from '../format/import-tables';
import { rowError } from '../row-error';
import type { PlannedCommand } from './catalogue-diff';
import type { Origin, PlanContext } from './context';

/** Where a catalogue error about a referenced entity points, per table. */
const COLUMN_OF_KIND: Record<ImportTable, Record<string, string>> = {
  構成: { pillar: '基本目標', plan: '番号' },
  取組: { plan: '戦略計画', section: '事業実施課', project: '取組ID' },
  指標: { plan: '戦略計画', section: '事業実施課', kpi: '指標ID' },
};

/**
 * Decides the commands one at a time, in row order, against a copy of the catalogue, so that the
 * catalogue's own rules (a retired project, a repost where the project already is…) become errors
 * of the row and column that caused them. A failed command leaves the copy unchanged and is
 * dropped: the commands returned are the ones the catalogue accepts, in order.
 */
export function decideInRowOrder(
  planned: PlannedCommand[],
  current: CatalogueState,
  ctx: PlanContext,
): PlannedCommand[] {
  let working = current;
  const accepted: PlannedCommand[] = [];
  for (const item of planned) {
    try {
      working = decideCatalogueSteps([item.command], working).state;
      accepted.push(item);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (isConsequence(error, ctx.failed)) continue;
      ctx.failed.add(item.entity);
      const origin = locate(error, item);
      const column = origin.column;
      const value = valueOf(origin, column);
      ctx.errors.push(
        rowError(
          { table: origin.table, row: origin.row.row, column, value },
          error.code,
          error.messageJa,
          error.messageEn,
        ),
      );
    }
  }
  return accepted;
}

/** A reference to something whose own row already failed: that row's error says it all. */
function isConsequence(error: DomainError, failed: Set<string>): boolean {
  const { kind, id } = error.details as { kind?: string; id?: string };
  return (error.code === 'UNKNOWN_REFERENCE' || error.code === 'NOT_IN_CATALOGUE') && failed.has(`${kind}:${id}`);
}

function locate(error: DomainError, item: PlannedCommand): Origin {
  const { kind, id } = error.details as { kind?: string; id?: string };
  const home = item.command.type === 'RegisterProject' ? item.command.data.home : undefined;
  const repost = item.reposts?.find(({ data: { placement } }) =>
    error.code === 'REPOST_AT_HOME'
      ? placement.planId === home?.planId && placement.sectionNo === home.sectionNo
      : kind === 'plan' && placement.planId === id && id !== home?.planId,
  );
  const origin = repost?.origin ?? item.origin;
  if (error.code === 'REPOST_AT_HOME') return { ...origin, column: '項目番号' };
  if (item.command.type === 'RepostProject' && kind === 'project') return origin;
  const column = (kind && COLUMN_OF_KIND[origin.table][kind]) || origin.column;
  return { ...origin, column };
}

function valueOf(origin: Origin, column: string): string | undefined {
  const key = Object.keys(origin.row).find((k) => headerOf(origin.table, k as FieldOf<ImportTable>) === column);
  return key ? String((origin.row as unknown as Record<string, unknown>)[key]) : undefined;
}
