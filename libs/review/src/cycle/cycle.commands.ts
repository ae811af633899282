import type { Actor } from '@pdca/kernel';
import type { OrdinalScale, ReasonCategory, Scheme } from '../rating/rating';
import type { CycleScope, ExcludedItem, OutstandingItem, Publication } from './cycle.events';
import type { ReminderPolicy } from './reminder-policy';

export interface CycleContext {
  actor: Actor;
  wardId: string;
  fiscalYear: number;
  now: string;
}

/** Computed by the handler from the projections at one position, then judged by decide. */
export interface PublicationDraft extends Omit<Publication, 'version' | 'publishedAt' | 'reason'> {
  /** In-scope items that are not yet approved by the council. */
  itemsNotApproved: number;
}

type Command<Type extends string, Data> = { type: Type; data: Data; context: CycleContext };

export type CycleCommand =
  | Command<'OpenCycle', { scheme: Scheme; deadline: string; bReasons: ReasonCategory[]; ordinalScale?: OrdinalScale; scope: CycleScope; reminderPolicy?: ReminderPolicy }>
  | Command<'ChangeReminderPolicy', { reminderPolicy: ReminderPolicy }>
  | Command<'ExtendDeadline', { deadline: string; reason: string }>
  /** `outstanding` is computed by the handler from the projections; decide judges it. */
  | Command<'CloseCycle', { outstanding: OutstandingItem[]; confirmOutstanding: boolean }>
  | Command<'ReopenCycle', { reason: string }>
  | Command<'ExcludeItem', ExcludedItem>
  | Command<'PublishReport', PublicationDraft>
  | Command<'CorrectReport', PublicationDraft & { reason: string }>;
