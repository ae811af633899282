import type { Actor } from '@pdca/kernel';
import type { CycleCommand } from './cycle.decide';
import type { Publication } from './cycle.events';

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

/** One command on a cycle: its own slice file (e.g. close-cycle.ts) defines it with its decide. */
export type CycleCommandOf<Type extends string, Data> = { type: Type; data: Data; context: CycleContext };

/** The union of every slice's command, derived from the dispatch table in cycle.decide.ts. */
export type { CycleCommand };
