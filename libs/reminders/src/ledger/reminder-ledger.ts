import { tokyoDate } from '@pdca/kernel';
import type { DomainEvent } from '@pdca/kernel';
import type { CycleEvent, EvaluationEvent } from '@pdca/review';
import { daysBetween } from '../schedule/calendar';
import type { ReminderKind } from '../schedule/occasion';
import type { ReminderEvent } from './reminder.events';

export interface SentEntry {
  reminderId: string;
  kind: ReminderKind;
  sentAt: string;
  escalated: boolean;
  missingCount: number;
}

export interface FailedEntry {
  reminderId: string;
  kind: ReminderKind;
  failedAt: string;
  error: string;
  attempts: number;
}

/** What the planning office can show per section: who was reminded when, and when they finally came. */
export interface SectionLedger {
  sectionId: string;
  sent: SentEntry[];
  failed: FailedEntry[];
  /** The first submission after the deadline, and how many calendar days (Japan time) late it was. */
  firstLateSubmissionAt?: string;
  daysLate?: number;
}

export interface CycleLedger {
  wardId: string;
  fiscalYear: number;
  deadline?: string;
  sections: Record<string, SectionLedger>;
}

/** Keyed `${wardId}:${fiscalYear}`. */
export type ReminderLedger = Record<string, CycleLedger>;

type LedgerInput = ReminderEvent | CycleEvent | EvaluationEvent | DomainEvent;

export const ledgerKeyOf = (wardId: string, fiscalYear: number) => `${wardId}:${fiscalYear}`;

/** The cycle an event belongs to in the ledger, or undefined when the ledger ignores it. */
export function ledgerKeyOfEvent(input: LedgerInput): string | undefined {
  const event = input as ReminderEvent | CycleEvent | EvaluationEvent;
  switch (event.type) {
    case 'CycleOpened':
    case 'DeadlineExtended':
    case 'ReminderSent':
    case 'ReminderFailed':
      return ledgerKeyOf(event.data.wardId, event.data.fiscalYear);
    case 'ActualSubmitted':
      return ledgerKeyOf(event.data.item.wardId, event.data.item.fiscalYear);
    default:
      return undefined;
  }
}

/**
 * Pure, one cycle at a time (a projection keeps cycles apart and touches only the one concerned):
 * returns the same object when the event changes nothing.
 */
export function evolveCycleLedger(current: CycleLedger | undefined, input: LedgerInput): CycleLedger | undefined {
  const event = input as ReminderEvent | CycleEvent | EvaluationEvent;
  switch (event.type) {
    case 'CycleOpened':
    case 'DeadlineExtended':
      return { ...cycleOr(current, event.data), deadline: event.data.deadline };
    case 'ReminderSent': {
      const { reminderId, kind, sentAt, escalated, missing } = event.data;
      return withSection(cycleOr(current, event.data), event.data.sectionId, (s) => ({
        ...s,
        sent: [...s.sent, { reminderId, kind, sentAt, escalated, missingCount: missing.length }],
      }));
    }
    case 'ReminderFailed': {
      const { reminderId, kind, failedAt, error, attempts } = event.data;
      return withSection(cycleOr(current, event.data), event.data.sectionId, (s) => ({
        ...s,
        failed: [...s.failed, { reminderId, kind, failedAt, error, attempts }],
      }));
    }
    case 'ActualSubmitted':
      return current && recordSubmission(current, event.data);
    default:
      return current;
  }
}

/** Pure: the whole ledger; events it does not know leave it as it is. */
export function evolveReminderLedger(ledger: ReminderLedger, input: LedgerInput): ReminderLedger {
  const key = ledgerKeyOfEvent(input);
  if (!key) return ledger;
  const next = evolveCycleLedger(ledger[key], input);
  return !next || next === ledger[key] ? ledger : { ...ledger, [key]: next };
}

/**
 * The first late submission is when a late section finally came; later ones change nothing. Late as
 * the decider judged it: a resubmission the council asked for after the deadline is not late.
 */
function recordSubmission(
  cycle: CycleLedger,
  data: Extract<EvaluationEvent, { type: 'ActualSubmitted' }>['data'],
): CycleLedger {
  const { deadline } = cycle;
  if (!deadline || !data.late || Date.parse(data.submittedAt) <= Date.parse(deadline)) return cycle;
  if (cycle.sections[data.sectionId]?.firstLateSubmissionAt) return cycle;
  return withSection(cycle, data.sectionId, (section) => ({
    ...section,
    firstLateSubmissionAt: data.submittedAt,
    daysLate: daysBetween(tokyoDate(new Date(deadline)), tokyoDate(new Date(data.submittedAt))),
  }));
}

const cycleOr = (cycle: CycleLedger | undefined, at: { wardId: string; fiscalYear: number }): CycleLedger =>
  cycle ?? { wardId: at.wardId, fiscalYear: at.fiscalYear, sections: {} };

function withSection(cycle: CycleLedger, sectionId: string, change: (s: SectionLedger) => SectionLedger): CycleLedger {
  const section = cycle.sections[sectionId] ?? { sectionId, sent: [], failed: [] };
  return { ...cycle, sections: { ...cycle.sections, [sectionId]: change(section) } };
}

export interface LedgerRow {
  sectionId: string;
  reminders: number;
  sentAt: string[];
  escalations: number;
  failures: number;
  firstLateSubmissionAt?: string;
  daysLate?: number;
}

/** The planning office's table for one cycle, by section id. */
export const ledgerRows = (ledger: ReminderLedger, wardId: string, fiscalYear: number): LedgerRow[] =>
  cycleLedgerRows(ledger[ledgerKeyOf(wardId, fiscalYear)]);

export function cycleLedgerRows(cycle: CycleLedger | undefined): LedgerRow[] {
  return Object.values(cycle?.sections ?? {})
    .sort((a, b) => a.sectionId.localeCompare(b.sectionId))
    .map((s) => ({
      sectionId: s.sectionId,
      reminders: s.sent.length,
      sentAt: s.sent.map((e) => e.sentAt),
      escalations: s.sent.filter((e) => e.escalated).length,
      failures: s.failed.length,
      ...(s.firstLateSubmissionAt ? { firstLateSubmissionAt: s.firstLateSubmissionAt, daysLate: s.daysLate } : {}),
    }));
}
