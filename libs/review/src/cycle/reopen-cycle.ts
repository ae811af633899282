import type { CycleCommandOf } from './cycle.commands';
import { cycleInStatus, cycleMissing, reasonRequired } from './cycle.errors';
import type { CycleEvent } from './cycle.events';
import type { CycleState } from './cycle.state';

export type ReopenCycle = CycleCommandOf<'ReopenCycle', { reason: string }>;

/** A closed year that is not yet published can be opened again for submissions, with a reason on record. */
export function decideReopenCycle({ data, context }: ReopenCycle, state: CycleState): CycleEvent[] {
  const { wardId, fiscalYear, now } = context;
  if (state.status === 'not_opened') throw cycleMissing(fiscalYear);
  if (state.status !== 'closed') throw cycleInStatus(state.status, { ja: '再開', en: 'reopen' });
  const reason = data.reason?.trim();
  if (!reason) throw reasonRequired();
  return [{ type: 'CycleReopened', data: { wardId, fiscalYear, reason, reopenedAt: now } }];
}
