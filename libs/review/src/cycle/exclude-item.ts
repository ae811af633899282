import type { CycleCommandOf } from './cycle.commands';
import { cycleInStatus, cycleMissing, itemNotInScope, reasonRequired } from './cycle.errors';
import type { CycleEvent, ExcludedItem } from './cycle.events';
import type { CycleState } from './cycle.state';

export type ExcludeItem = CycleCommandOf<'ExcludeItem', ExcludedItem>;

/**
 * Takes an item out of the year's scope (e.g. a project stopped mid-year): it no longer blocks
 * publication and is not in the report. Not after publication: a published report never changes.
 */
export function decideExcludeItem({ data, context }: ExcludeItem, state: CycleState): CycleEvent[] {
  const { wardId, fiscalYear, now } = context;
  if (state.status === 'not_opened') throw cycleMissing(fiscalYear);
  if (state.status === 'published') throw cycleInStatus(state.status, { ja: '対象から除外', en: 'exclude an item' });
  const { kind, itemId } = data;
  if (state.excluded?.some((x) => x.kind === kind && x.itemId === itemId)) return [];
  const ids = kind === 'project' ? state.scope.projectIds : state.scope.kpiIds;
  if (!ids.includes(itemId)) throw itemNotInScope(data, fiscalYear);
  const reason = data.reason?.trim();
  if (!reason) throw reasonRequired();
  return [{ type: 'ItemExcluded', data: { wardId, fiscalYear, kind, itemId, reason, excludedAt: now } }];
}
