import { deepFreeze } from '@pdca/kernel/testing';
import { DEFAULT_B_REASONS, DEFAULT_REMINDER_POLICY } from '@pdca/review';
import type { CycleEvent } from '@pdca/review';
import { noHolidays } from './calendar';
import { evolveReminderCycle, plannedOccasions, ReminderCycle } from './reminder-cycle';

const ids = { wardId: 'nerima', fiscalYear: 2022 };
const opened: CycleEvent = {
  type: 'CycleOpened',
  data: {
    ...ids,
    scheme: 'nerima',
    deadline: '2023-05-31T14:59:59.999Z',
    bReasons: [...DEFAULT_B_REASONS],
    scope: { projectIds: ['P1'], kpiIds: [] },
    reminderPolicy: DEFAULT_REMINDER_POLICY,
    openedAt: '2023-04-03T00:00:00Z',
  },
};
const extended: CycleEvent = {
  type: 'DeadlineExtended',
  data: {
    ...ids,
    deadline: '2023-06-15T14:59:59.999Z',
    previousDeadline: '2023-05-31T14:59:59.999Z',
    reason: '議会日程',
  },
};
const closed: CycleEvent = { type: 'CycleClosed', data: { ...ids, closedAt: '2023-07-01T00:00:00Z' } };

function given(...events: [CycleEvent, string][]) {
  // Frozen inputs: evolve builds a new cycle, never writes into the one it is given.
  const cycle = events.reduce<ReminderCycle | undefined>(
    (c, [event, at]) => evolveReminderCycle(deepFreeze(c), deepFreeze(structuredClone(event)), at),
    undefined,
  );
  return { thenPlanned: () => plannedOccasions(cycle, noHolidays).map((o) => o.occasionId) };
}

describe('what the queue should hold for a cycle', () => {
  it('plans the whole schedule when the cycle opens', () => {
    expect(given([opened, '2023-04-03T00:00:00Z']).thenPlanned().slice(0, 3)).toEqual([
      'nerima:2022:before:2023-05-24',
      'nerima:2022:before:2023-05-30',
      'nerima:2022:on-day:2023-05-31',
    ]);
  });

  it('replans from the new deadline after an extension, without anything already past', () => {
    const planned = given([opened, '2023-04-03T00:00:00Z'], [extended, '2023-06-02T00:00:00Z']).thenPlanned();
    expect(planned.slice(0, 3)).toEqual([
      'nerima:2022:before:2023-06-08',
      'nerima:2022:before:2023-06-14',
      'nerima:2022:on-day:2023-06-15',
    ]);
    expect(planned.every((id) => id.slice(-10) > '2023-06-02')).toBe(true);
  });

  it('replans when the policy changes', () => {
    const changed: CycleEvent = {
      type: 'ReminderPolicyChanged',
      data: { ...ids, reminderPolicy: { ...DEFAULT_REMINDER_POLICY, daysBefore: [3], sendAtJst: '13:00' } },
    };
    expect(
      given([opened, '2023-04-03T00:00:00Z'], [changed, '2023-05-01T00:00:00Z']).thenPlanned().slice(0, 2),
    ).toEqual(['nerima:2022:before:2023-05-26', 'nerima:2022:on-day:2023-05-31']);
  });

  it('plans nothing once the cycle is closed', () => {
    expect(given([opened, '2023-04-03T00:00:00Z'], [closed, '2023-07-01T00:00:00Z']).thenPlanned()).toEqual([]);
  });

  it('after a reopening, plans again from the reopening on (nothing before it), within the overdue window', () => {
    const early: CycleEvent = { type: 'CycleClosed', data: { ...ids, closedAt: '2023-06-01T00:00:00Z' } };
    const reopened: CycleEvent = {
      type: 'CycleReopened',
      data: { ...ids, reason: '未提出の課があったため', reopenedAt: '2023-06-05T00:00:00Z' },
    };
    const planned = given(
      [opened, '2023-04-03T00:00:00Z'],
      [early, '2023-06-01T00:00:00Z'],
      [reopened, '2023-06-05T00:00:00Z'],
    ).thenPlanned();
    expect(planned.length).toBeGreaterThan(0);
    expect(planned.every((id) => id.slice(-10) >= '2023-06-05')).toBe(true);
  });
});
