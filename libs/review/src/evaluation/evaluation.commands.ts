import type { Actor } from '@pdca/kernel';
import type { OrdinalScale, ReasonCategory, Scheme } from '../rating/rating';
import type { ItemRef } from './evaluation-item';
import type { EvaluationCommand } from './evaluation.decide';

export type CycleStatus = 'open' | 'closed' | 'published';

/** Everything decide needs to know besides the item's own history, loaded by the handler. */
export interface EvaluationContext {
  actor: Actor;
  item: ItemRef & { sectionId: string; notSuitedForShortTermEvaluation: boolean; nothingPlanned: boolean };
  cycle: {
    status: CycleStatus;
    scheme: Scheme;
    deadline: string;
    bReasons: readonly ReasonCategory[];
    ordinalScale?: OrdinalScale;
  };
  /** ISO instant; time is data. */
  now: string;
}

/** One command on one item: its own slice file (e.g. submit-actual.ts) defines it with its decide. */
export type EvaluationCommandOf<Type extends string, Data> = { type: Type; data: Data; context: EvaluationContext };

/** The union of every slice's command, derived from the dispatch table in evaluation.decide.ts. */
export type { EvaluationCommand };

export type EvaluationCommandType = EvaluationCommand['type'];

/** The cycle facts an item's decision reads, scheme settings included (the ordinal scale when there is one). */
export function evaluationCycleOf(
  cycle: EvaluationContext['cycle'] & { status: CycleStatus },
): EvaluationContext['cycle'] {
  const { status, scheme, deadline, bReasons, ordinalScale } = cycle;
  return { status, scheme, deadline, bReasons, ...(ordinalScale ? { ordinalScale } : {}) };
}
