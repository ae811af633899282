import type { CycleCommandOf } from './cycle.commands';
import { cycleInStatus, cycleMissing, outstandingItems } from './cycle.errors';
import type { CycleEvent, OutstandingItem } from './cycle.events';
import type { CycleState } from './cycle.state';

/** `outstanding` is computed by the handler from the projections; decide judges it. */
export type CloseCycle = CycleCommandOf<'CloseCycle', { outstanding: OutstandingItem[]; confirmOutstanding: boolean }>;

/**
 * Closing stops submissions. With items still owed by sections it asks for an explicit
 * confirmation first, because those items then block publication until they are excluded or the
 * cycle is reopened; the confirmed list is recorded with the close.
 */
export function decideCloseCycle({ data, context }: CloseCycle, state: CycleState): CycleEvent[] {
  const { wardId, fiscalYear, now } = context;
  if (state.status === 'not_opened') throw cycleMissing(fiscalYear);
  if (state.status === 'closed') return [];
  if (state.status !== 'open') throw cycleInStatus(state.status, { ja: '締切', en: 'close' });
  if (data.outstanding.length > 0 && !data.confirmOutstanding) throw outstandingItems(data.outstanding);
  const confirmed = data.outstanding.map(({ kind, itemId, status }) => ({ kind, itemId, status }));
  return [
    {
      type: 'CycleClosed',
      data: { wardId, fiscalYear, closedAt: now, ...(confirmed.length > 0 ? { outstandingConfirmed: confirmed } : {}) },
    },
  ];
}
