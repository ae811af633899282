import { deciderSpec } from '@pdca/kernel/testing';
import type { ReminderEvent, ReminderFailedData, ReminderSentData } from './reminder.events';
import { reminderRecordDecider } from './reminder-record';

const facts = {
  reminderId: 'nerima:2022:overdue:2023-06-05:hoiku',
  occasionId: 'nerima:2022:overdue:2023-06-05',
  kind: 'overdue' as const,
  wardId: 'nerima',
  fiscalYear: 2022,
  sectionId: 'hoiku',
  recipients: ['hoiku@city.example.jp'],
  escalated: false,
  missing: [{ kind: 'project' as const, itemId: 'P01-011', name: '認可保育所の整備' }],
};
const sentData: ReminderSentData = { ...facts, sentAt: '2023-06-05T00:00:05Z', messageId: '<r1@pdca-review>' };
const failedData: ReminderFailedData = {
  ...facts,
  failedAt: '2023-06-05T00:10:00Z',
  error: '421 try later',
  attempts: 5,
};
const sent: ReminderEvent = { type: 'ReminderSent', data: sentData };
const failed: ReminderEvent = { type: 'ReminderFailed', data: failedData };
const given = deciderSpec(reminderRecordDecider).given;

describe('recording a reminder in the ledger', () => {
  it('records a first send', () => {
    given([]).when({ type: 'RecordReminderSent', data: sentData }).then([sent]);
  });

  it('records nothing the second time: a retried job, a replay or a second worker', () => {
    given([sent])
      .when({ type: 'RecordReminderSent', data: { ...sentData, sentAt: '2023-06-05T00:03:00Z' } })
      .then([]);
  });

  it('keeps one outcome per reminder: a failure after a send, or a send after a final failure, is not recorded', () => {
    given([sent]).when({ type: 'RecordReminderFailed', data: failedData }).then([]);
    given([failed]).when({ type: 'RecordReminderSent', data: sentData }).then([]);
  });

  it('records the next occasion of the same section', () => {
    const next = {
      ...sentData,
      reminderId: 'nerima:2022:overdue:2023-06-06:hoiku',
      occasionId: 'nerima:2022:overdue:2023-06-06',
    };
    given([sent])
      .when({ type: 'RecordReminderSent', data: next })
      .then([{ type: 'ReminderSent', data: next }]);
  });
});
