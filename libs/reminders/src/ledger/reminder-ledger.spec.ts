import { deepFreeze } from '@pdca/kernel/testing';
import { DEFAULT_B_REASONS, DEFAULT_REMINDER_POLICY } from '@pdca/review';
import type { DomainEvent } from '@pdca/kernel';
import { evolveReminderLedger, ledgerRows } from './reminder-ledger';

const ids = { wardId: 'nerima', fiscalYear: 2022 };
const deadline = '2023-05-31T14:59:59.999Z';
const opened = {
  type: 'CycleOpened',
  data: {
    ...ids,
    scheme: 'nerima',
    deadline,
    bReasons: [...DEFAULT_B_REASONS],
    scope: { projectIds: [], kpiIds: [] },
    reminderPolicy: DEFAULT_REMINDER_POLICY,
    openedAt: '2023-04-03T00:00:00Z',
  },
};
const reminder = (
  type: 'ReminderSent' | 'ReminderFailed',
  sectionId: string,
  kind: string,
  date: string,
  at: string,
) => {
  const occasionId = `nerima:2022:${kind}:${date}`;
  const facts = {
    ...ids,
    reminderId: `${occasionId}:${sectionId}`,
    occasionId,
    kind,
    sectionId,
    recipients: [`${sectionId}@x.jp`],
    escalated: kind === 'escalation',
    missing: [{ kind: 'project', itemId: 'P1', name: '取組1' }],
  };
  return type === 'ReminderSent'
    ? { type, data: { ...facts, sentAt: at, messageId: `<${occasionId}>` } }
    : { type, data: { ...facts, failedAt: at, error: 'mailbox unavailable', attempts: 5 } };
};
const submitted = (sectionId: string, itemId: string, submittedAt: string) => ({
  type: 'ActualSubmitted',
  data: {
    item: { ...ids, kind: 'project', itemId },
    sectionId,
    actual: { kind: 'project', text: '実施' },
    late: submittedAt > deadline,
    submittedAt,
  },
});
// State and events are frozen on the way in: evolve must build a new ledger, never write into the one it is given.
const given = (...events: DomainEvent[]) => ({
  thenRows: () =>
    ledgerRows(
      events.reduce(
        (ledger, event) => evolveReminderLedger(deepFreeze(ledger), deepFreeze(structuredClone(event))),
        {},
      ),
      'nerima',
      2022,
    ),
});

describe('reminder ledger of a cycle', () => {
  it('counts reminders per section, when they went out, and how late the first submission after the deadline came', () => {
    expect(
      given(
        opened,
        reminder('ReminderSent', 'hoiku', 'before', '2023-05-24', '2023-05-24T00:00:01Z'),
        submitted('kouen', 'P9', '2023-05-25T03:00:00Z'),
        reminder('ReminderSent', 'hoiku', 'overdue', '2023-06-05', '2023-06-05T00:00:01Z'),
        reminder('ReminderSent', 'hoiku', 'escalation', '2023-06-09', '2023-06-09T00:00:01Z'),
        reminder('ReminderFailed', 'kodomo', 'escalation', '2023-06-09', '2023-06-09T00:20:00Z'),
        submitted('hoiku', 'P1', '2023-06-10T01:00:00Z'),
        submitted('hoiku', 'P2', '2023-06-12T01:00:00Z'),
      ).thenRows(),
    ).toEqual([
      {
        sectionId: 'hoiku',
        reminders: 3,
        sentAt: ['2023-05-24T00:00:01Z', '2023-06-05T00:00:01Z', '2023-06-09T00:00:01Z'],
        escalations: 1,
        failures: 0,
        firstLateSubmissionAt: '2023-06-10T01:00:00Z',
        daysLate: 10,
      },
      { sectionId: 'kodomo', reminders: 0, sentAt: [], escalations: 0, failures: 1 },
    ]);
  });

  it('does not count a resubmission the council asked for after the deadline as a late arrival', () => {
    const resubmitted = { ...submitted('kosodate', 'P1', '2023-06-10T01:00:00Z') };
    resubmitted.data = { ...resubmitted.data, late: false };
    expect(given(opened, submitted('kosodate', 'P1', '2023-05-20T01:00:00Z'), resubmitted).thenRows()).toEqual([]);
  });

  it('measures lateness against the extended deadline', () => {
    const extended = {
      type: 'DeadlineExtended',
      data: { ...ids, deadline: '2023-06-15T14:59:59.999Z', previousDeadline: deadline, reason: '議会日程' },
    };
    expect(given(opened, extended, submitted('hoiku', 'P1', '2023-06-10T01:00:00Z')).thenRows()).toEqual([]);
    expect(given(opened, extended, submitted('hoiku', 'P1', '2023-06-16T01:00:00Z')).thenRows()).toEqual([
      {
        sectionId: 'hoiku',
        reminders: 0,
        sentAt: [],
        escalations: 0,
        failures: 0,
        firstLateSubmissionAt: '2023-06-16T01:00:00Z',
        daysLate: 1,
      },
    ]);
  });
});
