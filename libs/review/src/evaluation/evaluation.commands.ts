import type { Actor } from '@pdca/kernel';
import type { OrdinalScale, Rating, ReasonCategory, Scheme } from '../rating/rating';
import type { Actual, ItemRef } from './evaluation-item';
import type { Draft } from './evaluation.events';

export type CycleStatus = 'open' | 'closed' | 'published';

/** Everything decide needs to know besides the item's own history, loaded by the handler. */
export interface EvaluationContext {
  actor: Actor;
  item: ItemRef & { sectionId: string; notSuitedForShortTermEvaluation: boolean; nothingPlanned: boolean };
  cycle: { status: CycleStatus; scheme: Scheme; deadline: string; bReasons: readonly ReasonCategory[]; ordinalScale?: OrdinalScale };
  /** ISO instant; time is data. */
  now: string;
}

type Command<Type extends string, Data> = { type: Type; data: Data; context: EvaluationContext };

export type EvaluationCommand =
  | Command<'SaveDraft', { draft: Draft }>
  | Command<'SubmitActual', { actual: Actual; rating?: Rating }>
  | Command<'RateItem', { rating: Rating }>
  | Command<'WithdrawSubmission', { reason?: string }>
  | Command<'ApproveSubmission', { comment?: string }>
  | Command<'ReturnSubmission', { comments: string }>
  | Command<'AdjustRating', { rating: Rating; reason: string }>
  | Command<'CorrectEvaluation', { actual?: Actual; rating?: Rating; reason: string }>
  | Command<'ImportEvaluation', { actual: Actual; rating?: Rating; importId: string }>
  | Command<'RevertImportedEvaluation', { importId: string }>;

export type EvaluationCommandType = EvaluationCommand['type'];

/** The cycle facts an item's decision reads, scheme settings included (the ordinal scale when there is one). */
export function evaluationCycleOf(cycle: EvaluationContext['cycle'] & { status: CycleStatus }): EvaluationContext['cycle'] {
  const { status, scheme, deadline, bReasons, ordinalScale } = cycle;
  return { status, scheme, deadline, bReasons, ...(ordinalScale ? { ordinalScale } : {}) };
}
