import type { ReminderEvent, ReminderFailedData } from './reminder.events';
import type { SectionReminders } from './reminder-record';

export type RecordReminderFailed = { type: 'RecordReminderFailed'; data: ReminderFailedData };

/**
 * Every attempt failed: the ledger shows the failure, final for this occasion — the next occasion
 * reminds again, and the planning office sees why this one did not go out.
 */
export function decideRecordReminderFailed({ data }: RecordReminderFailed, _state: SectionReminders): ReminderEvent[] {
  return [{ type: 'ReminderFailed', data }];
}
