import type { IsoDate } from './calendar';

/** before the deadline · on the deadline day · overdue · overdue long enough to involve the head and the planning office */
export type ScheduledReminderKind = 'before' | 'on-day' | 'overdue' | 'escalation';

/** The schedule's kinds, and `one-off`: a reminder the planning office sent at once to chosen sections. */
export type ReminderKind = ScheduledReminderKind | 'one-off';

export const REMINDER_KINDS: readonly ReminderKind[] = ['before', 'on-day', 'overdue', 'escalation', 'one-off'];

/** One moment at which every section that still owes something is reminded. */
export interface ReminderOccasion {
  /** `${wardId}:${fiscalYear}:${kind}:${date}`: the same schedule always yields the same ids. */
  occasionId: string;
  wardId: string;
  fiscalYear: number;
  kind: ReminderKind;
  /** The sending day in Japan time. */
  date: IsoDate;
  /** The sending instant (ISO). */
  at: string;
  /** Calendar days past the deadline's date: negative before it, 0 on the day. */
  daysOverdue: number;
  escalated: boolean;
}

export const occasionIdOf = (wardId: string, fiscalYear: number, kind: ReminderKind, date: IsoDate) =>
  `${wardId}:${fiscalYear}:${kind}:${date}`;

/** One section's reminder on one occasion: what the ledger records and never sends twice. */
export const reminderIdOf = (occasionId: string, sectionId: string) => `${occasionId}:${sectionId}`;
