import { assertNever, Decider, dispatchByType } from '@pdca/kernel';
import { decideRecordReminderFailed } from './record-reminder-failed';
import { decideRecordReminderSent } from './record-reminder-sent';
import type { ReminderEvent } from './reminder.events';

/** Every command on a section's reminder ledger, by type: one line per slice. */
const DECIDE_BY_TYPE = {
  RecordReminderSent: decideRecordReminderSent,
  RecordReminderFailed: decideRecordReminderFailed,
};

const decideBySlice = dispatchByType(DECIDE_BY_TYPE, 'reminder command');
export type ReminderRecordCommand = Parameters<typeof decideBySlice>[0];

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
  return outcomeOf(state, command.data.reminderId) ? [] : decideBySlice(command, state);
}

export const reminderRecordDecider: Decider<SectionReminders, ReminderRecordCommand, ReminderEvent> = {
  decide: decideReminderRecord,
  evolve: evolveSectionReminders,
  initialState: initialSectionReminders,
};
