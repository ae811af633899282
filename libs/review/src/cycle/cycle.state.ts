import type { OrdinalScale, ReasonCategory, Scheme } from '../rating/rating';
import type { CycleScope, ExcludedItem, Publication } from './cycle.events';
import type { ReminderPolicy } from './reminder-policy';

interface CycleFacts {
  wardId: string;
  fiscalYear: number;
  scheme: Scheme;
  deadline: string;
  bReasons: ReasonCategory[];
  ordinalScale?: OrdinalScale;
  scope: CycleScope;
  reminderPolicy: ReminderPolicy;
  openedAt?: string;
  /** Items taken out of scope; `scope` no longer lists them, so no view counts them. */
  excluded?: ExcludedItem[];
}

export type CycleState =
  | { status: 'not_opened' }
  | ({ status: 'open' | 'closed' } & CycleFacts)
  | ({ status: 'published'; publications: Publication[] } & CycleFacts);

export const initialCycle = (): CycleState => ({ status: 'not_opened' });
