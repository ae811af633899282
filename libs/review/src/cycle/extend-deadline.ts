import type { CycleCommandOf } from './cycle.commands';
import { cycleInStatus, cycleMissing, deadlineNotLater, reasonRequired } from './cycle.errors';
import type { CycleEvent } from './cycle.events';
import type { CycleState } from './cycle.state';

export type ExtendDeadline = CycleCommandOf<'ExtendDeadline', { deadline: string; reason: string }>;

/** Only forward and with a reason: an earlier deadline would make on-time submissions late after the fact. */
export function decideExtendDeadline({ data, context }: ExtendDeadline, state: CycleState): CycleEvent[] {
  const { wardId, fiscalYear } = context;
  if (state.status === 'not_opened') throw cycleMissing(fiscalYear);
  if (state.status !== 'open') throw cycleInStatus(state.status, { ja: '締切を延長', en: 'extend the deadline' });
  if (!data.reason?.trim()) throw reasonRequired();
  if (Date.parse(data.deadline) <= Date.parse(state.deadline)) throw deadlineNotLater(state.deadline);
  return [{ type: 'DeadlineExtended', data: { wardId, fiscalYear, ...data, previousDeadline: state.deadline } }];
}
