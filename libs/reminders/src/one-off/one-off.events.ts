import type { DomainEvent } from '@pdca/kernel';

export interface OneOffReminderRequestedData {
  requestId: string;
  wardId: string;
  fiscalYear: number;
  /** The sections chosen; each existed and still owed something when the request was made. */
  sectionIds: string[];
  /** The planning office's own words, printed in the message. */
  note?: string;
  /** The user who asked (also in the event's metadata, with the role). */
  requestedBy: string;
  requestedAt: string;
}

export type OneOffReminderEvent = DomainEvent<'OneOffReminderRequested', OneOffReminderRequestedData>;

export const ONE_OFF_REMINDER_EVENT_TYPES: readonly OneOffReminderEvent['type'][] = ['OneOffReminderRequested'];

/**
 * The cycle's reminder stream: what the planning office asked for. The outcomes stay in the
 * per-section ledgers (`reminders-{ward}-{fy}-{section}`), so a request never contends with sends.
 */
export const reminderRequestStream = (wardId: string, fiscalYear: number) => `reminders-${wardId}-${fiscalYear}`;
