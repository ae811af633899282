import type { DomainEvent } from '@pdca/kernel';
import type { ReminderKind } from '../schedule/occasion';

/** A project or KPI the section still owes, as named in the message. */
export interface MissingItem {
  kind: 'project' | 'kpi';
  itemId: string;
  name: string;
}

interface ReminderFacts {
  reminderId: string;
  occasionId: string;
  kind: ReminderKind;
  wardId: string;
  fiscalYear: number;
  sectionId: string;
  /** Envelope recipients: the section, then (escalations) its head and the planning office. */
  recipients: string[];
  escalated: boolean;
  missing: MissingItem[];
}

export type ReminderSentData = ReminderFacts & { sentAt: string; messageId: string };
export type ReminderFailedData = ReminderFacts & { failedAt: string; error: string; attempts: number };

export type ReminderEvent =
  DomainEvent<'ReminderSent', ReminderSentData> | DomainEvent<'ReminderFailed', ReminderFailedData>;

export type ReminderEventType = ReminderEvent['type'];

export const REMINDER_EVENT_TYPES: readonly ReminderEventType[] = ['ReminderSent', 'ReminderFailed'];

/** One stream per section and cycle: reminders of different sections never contend. */
export const reminderStream = (wardId: string, fiscalYear: number, sectionId: string) =>
  `reminders-${wardId}-${fiscalYear}-${sectionId}`;

/**
 * Reminders are recorded by the worker, not by a person. Role is not a kernel Role on purpose:
 * nobody can log in as it, and the audit trail shows it as what it is.
 */
export const REMINDER_WORKER = { actor: 'reminder-worker', role: 'reminder_worker' } as const;
