import type { ReminderEvent, ReminderSentData } from './reminder.events';
import type { SectionReminders } from './reminder-record';

export type RecordReminderSent = { type: 'RecordReminderSent'; data: ReminderSentData };

/** The mail server took the reminder: the ledger shows it sent (once per reminder id, see reminder-record.ts). */
export function decideRecordReminderSent({ data }: RecordReminderSent, _state: SectionReminders): ReminderEvent[] {
  return [{ type: 'ReminderSent', data }];
}
