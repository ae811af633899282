import { deciderSpec } from '@pdca/kernel/testing';
import type { ReminderEvent, ReminderFailedData, ReminderSentData } from './reminder.events';
import { reminderRecordDecider } from './reminder-record';

/** Shared by the given/when/then specs of a section's reminder ledger. */
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
export const sentData: ReminderSentData = { ...facts, sentAt: '2023-06-05T00:00:05Z', messageId: '<r1@pdca-review>' };
export const failedData: ReminderFailedData = {
  ...facts,
  failedAt: '2023-06-05T00:10:00Z',
  error: '421 try later',
  attempts: 5,
};
export const sent: ReminderEvent = { type: 'ReminderSent', data: sentData };
export const failed: ReminderEvent = { type: 'ReminderFailed', data: failedData };
export const given = deciderSpec(reminderRecordDecider).given;
