import type { EvaluationCommandOf } from './evaluation.commands';
import { wrongStatus } from './evaluation.errors';
import type { EvaluationEvent } from './evaluation.events';
import { assertSectionMayEdit, itemRefOf } from './evaluation.guards';
import type { EvaluationState } from './evaluation.state';

export type WithdrawSubmission = EvaluationCommandOf<'WithdrawSubmission', { reason?: string }>;

/** Before the council has decided, the section may take its submission back (to a draft). */
export function decideWithdrawSubmission(
  { data, context }: WithdrawSubmission,
  state: EvaluationState,
): EvaluationEvent[] {
  assertSectionMayEdit(context);
  if (state.status !== 'submitted') throw wrongStatus(state.status, { ja: '提出を取り下げ', en: 'withdraw' });
  return [{ type: 'SubmissionWithdrawn', data: { item: itemRefOf(context), reason: data.reason } }];
}
