import type { EvaluationCommandOf } from './evaluation.commands';
import { textRequired, wrongStatus } from './evaluation.errors';
import type { EvaluationEvent } from './evaluation.events';
import { assertCouncilMayReview, itemRefOf } from './evaluation.guards';
import type { EvaluationState } from './evaluation.state';

export type ReturnSubmission = EvaluationCommandOf<'ReturnSubmission', { comments: string }>;

/** The council sends a submission back, always saying what the section should revise. */
export function decideReturnSubmission({ data, context }: ReturnSubmission, state: EvaluationState): EvaluationEvent[] {
  assertCouncilMayReview(context);
  if (state.status !== 'submitted') throw wrongStatus(state.status, { ja: '差戻し', en: 'return' });
  if (!data.comments?.trim()) throw textRequired('comments', '差戻しの理由', 'comments for the section');
  return [{ type: 'SubmissionReturned', data: { item: itemRefOf(context), comments: data.comments } }];
}
