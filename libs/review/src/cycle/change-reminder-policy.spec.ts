import { deciderSpec } from '@pdca/kernel/testing';
import { cycleDecider } from './cycle.decide';
import { closed, ids, opened, when } from './cycle-spec-fixtures';
import { DEFAULT_REMINDER_POLICY } from './reminder-policy';

const given = deciderSpec(cycleDecider).given;

describe('changing the reminder policy', () => {
  it('changes it while the cycle is open', () => {
    const reminderPolicy = { ...DEFAULT_REMINDER_POLICY, daysBefore: [3] };
    given([opened])
      .when(when({ type: 'ChangeReminderPolicy', data: { reminderPolicy } }))
      .then([{ type: 'ReminderPolicyChanged', data: { ...ids, reminderPolicy } }]);
  });

  it('refuses once the cycle is closed', () => {
    given([opened, closed])
      .when(when({ type: 'ChangeReminderPolicy', data: { reminderPolicy: DEFAULT_REMINDER_POLICY } }))
      .thenThrows('CYCLE_STATUS');
  });
});
