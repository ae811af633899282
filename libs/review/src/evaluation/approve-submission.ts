import type { EvaluationCommandOf } from './evaluation.commands';
import { ratingMissing, wrongStatus } from './evaluation.errors';
import type { EvaluationEvent } from './evaluation.events';
import { assertCouncilMayReview, itemRefOf, needsRating } from './evaluation.guards';
import type { EvaluationState } from './evaluation.state';

export type ApproveSubmission = EvaluationCommandOf<'ApproveSubmission', { comment?: string }>;

/** The council accepts a submission; an item its scheme rates must carry a rating. */
export function decideApproveSubmission(
  { data, context }: ApproveSubmission,
  state: EvaluationState,
): EvaluationEvent[] {
  assertCouncilMayReview(context);
  if (state.status !== 'submitted') throw wrongStatus(state.status, { ja: '承認', en: 'approve' });
  if (needsRating(context) && !state.sectionRating) throw ratingMissing();
  return [{ type: 'SubmissionApproved', data: { item: itemRefOf(context), comment: data.comment } }];
}
