import type { CycleCommandOf } from './cycle.commands';
import { cycleInStatus } from './cycle.errors';
import type { CycleEvent } from './cycle.events';
import type { CycleState } from './cycle.state';
import { assertValidReminderPolicy, ReminderPolicy } from './reminder-policy';

export type ChangeReminderPolicy = CycleCommandOf<'ChangeReminderPolicy', { reminderPolicy: ReminderPolicy }>;

/** While sections can still submit, the office may change when they are reminded. */
export function decideChangeReminderPolicy({ data, context }: ChangeReminderPolicy, state: CycleState): CycleEvent[] {
  const { wardId, fiscalYear } = context;
  if (state.status !== 'open')
    throw cycleInStatus(state.status, { ja: '督促設定を変更', en: 'change the reminder policy' });
  assertValidReminderPolicy(data.reminderPolicy);
  return [{ type: 'ReminderPolicyChanged', data: { wardId, fiscalYear, reminderPolicy: data.reminderPolicy } }];
}
