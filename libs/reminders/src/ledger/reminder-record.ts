import { assertNever, Decider } from '@pdca/kernel';
import type { ReminderEvent, ReminderFailedData, ReminderSentData } from './reminder.events';

export type ReminderRecordCommand =
  { type: 'RecordReminderSent'; data: ReminderSentData } | { type: 'RecordReminderFailed'; data: ReminderFailedData };

/** A section's reminder stream folded: the outcome of every reminder id recorded so far. */
export interface SectionReminders {
  outcomes: Record<string, 'sent' | 'failed'>;
}

export const initialSectionReminders = (): SectionReminders => ({ outcomes: {} });

export function evolveSectionReminders(state: SectionReminders, event: ReminderEvent): SectionReminders {
  switch (event.type) {
    case 'ReminderSent':
      return { outcomes: { ...state.outcomes, [event.data.reminderId]: 'sent' } };
    case 'ReminderFailed':
      return { outcomes: { ...state.outcomes, [event.data.reminderId]: 'failed' } };
    default:
      return assertNever(event, 'reminder event');
  }
}

/** The ledger's answer before sending: anything recorded means this reminder is settled. */
export const outcomeOf = (state: SectionReminders, reminderId: string) => state.outcomes[reminderId];

/**
 * One outcome per reminder id, ever: recording it again (a retried job, a replay, a second
 * worker) decides nothing new. A recorded failure is final too — the next occasion reminds again,
 * and the planning office sees the failure in the ledger.
 */
export function decideReminderRecord(command: ReminderRecordCommand, state: SectionReminders): ReminderEvent[] {
  if (outcomeOf(state, command.data.reminderId)) return [];
  switch (command.type) {
    case 'RecordReminderSent':
      return [{ type: 'ReminderSent', data: command.data }];
    case 'RecordReminderFailed':
      return [{ type: 'ReminderFailed', data: command.data }];
    default:
      return assertNever(command, 'reminder command');
  }
}

export const reminderRecordDecider: Decider<SectionReminders, ReminderRecordCommand, ReminderEvent> = {
  decide: decideReminderRecord,
  evolve: evolveSectionReminders,
  initialState: initialSectionReminders,
};
