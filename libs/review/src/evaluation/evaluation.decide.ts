import { assertNever, requireRole } from '@pdca/kernel';
import type { Rating } from '../rating/rating';
import { assertValidRating } from '../rating/rating.rules';
import { schemeOf } from '../schemes/registry';
import type { Actual } from './evaluation-item';
import type { EvaluationCommand, EvaluationContext } from './evaluation.commands';
import {
  actualKindMismatch, cycleNotOpen, cycleNotPublished, cyclePublished, notYourSection, ratingMissing, textRequired, wrongStatus,
} from './evaluation.errors';
import type { EvaluationEvent } from './evaluation.events';
import { evolveEvaluation } from './evaluation.evolve';
import { EvaluationState, initialEvaluation } from './evaluation.state';

export function decideEvaluation(command: EvaluationCommand, state: EvaluationState): EvaluationEvent[] {
  const { context } = command;
  const item = context.item;
  const { wardId, fiscalYear, kind, itemId } = item;
  const ref = { wardId, fiscalYear, kind, itemId };
  switch (command.type) {
    case 'SaveDraft': {
      assertSectionMayEdit(context);
      if (state.status === 'submitted' || state.status === 'approved') throw wrongStatus(state.status, { ja: '下書きを保存', en: 'save a draft' });
      if (command.data.draft.actual) assertActualKind(command.data.draft.actual, context);
      return [{ type: 'DraftSaved', data: { item: ref, draft: command.data.draft } }];
    }
    case 'SubmitActual': {
      assertSectionMayEdit(context);
      if (state.status === 'submitted' || state.status === 'approved') throw wrongStatus(state.status, { ja: '提出', en: 'submit' });
      assertActualKind(command.data.actual, context);
      const rating = command.data.rating ?? (state.status === 'draft' ? state.draft.rating : undefined);
      if (rating) assertValidRating(rating, context.cycle.scheme, { ...item }, context.cycle);
      // A resubmission the council asked for keeps the first submission's punctuality.
      const late = state.status === 'returned' ? state.late : Date.parse(context.now) > Date.parse(context.cycle.deadline);
      const submitted: EvaluationEvent = {
        type: 'ActualSubmitted',
        data: { item: ref, sectionId: item.sectionId, actual: command.data.actual, late, submittedAt: context.now },
      };
      return rating ? [submitted, { type: 'ItemRated', data: { item: ref, rating } }] : [submitted];
    }
    case 'RateItem':
      assertSectionMayEdit(context);
      if (state.status === 'not_started' || state.status === 'approved') throw wrongStatus(state.status, { ja: '評価を入力', en: 'rate' });
      assertValidRating(command.data.rating, context.cycle.scheme, { ...item }, context.cycle);
      return [{ type: 'ItemRated', data: { item: ref, rating: command.data.rating } }];
    case 'WithdrawSubmission':
      assertSectionMayEdit(context);
      if (state.status !== 'submitted') throw wrongStatus(state.status, { ja: '提出を取り下げ', en: 'withdraw' });
      return [{ type: 'SubmissionWithdrawn', data: { item: ref, reason: command.data.reason } }];
    case 'ApproveSubmission':
      assertCouncilMayReview(context);
      if (state.status !== 'submitted') throw wrongStatus(state.status, { ja: '承認', en: 'approve' });
      if (needsRating(context) && !state.sectionRating) throw ratingMissing();
      return [{ type: 'SubmissionApproved', data: { item: ref, comment: command.data.comment } }];
    case 'ReturnSubmission':
      assertCouncilMayReview(context);
      if (state.status !== 'submitted') throw wrongStatus(state.status, { ja: '差戻し', en: 'return' });
      if (!command.data.comments?.trim()) throw textRequired('comments', '差戻しの理由', 'comments for the section');
      return [{ type: 'SubmissionReturned', data: { item: ref, comments: command.data.comments } }];
    case 'AdjustRating':
      return adjustRating(command.data, state, context, ref);
    case 'CorrectEvaluation': {
      requireRole(context.actor, 'planning_office');
      if (context.cycle.status !== 'published') throw cycleNotPublished();
      if (state.status !== 'approved') throw wrongStatus(state.status, { ja: '訂正', en: 'correct' });
      if (!command.data.reason?.trim()) throw textRequired('reason', '訂正の理由', 'the reason for the correction');
      if (!command.data.actual && !command.data.rating) throw textRequired('rating', '訂正する実績または評価', 'the corrected actual or rating');
      if (command.data.actual) assertActualKind(command.data.actual, context);
      if (command.data.rating) assertValidRating(command.data.rating, context.cycle.scheme, { ...item }, context.cycle);
      return [{ type: 'EvaluationCorrected', data: { item: ref, ...command.data } }];
    }
    case 'ImportEvaluation': {
      requireRole(context.actor, 'planning_office');
      if (context.cycle.status === 'published') throw cyclePublished();
      if (state.status !== 'not_started' && state.status !== 'draft') throw wrongStatus(state.status, { ja: '取込み', en: 'import into' });
      assertActualKind(command.data.actual, context);
      if (command.data.rating) assertValidRating(command.data.rating, context.cycle.scheme, { ...item }, context.cycle);
      return [{ type: 'EvaluationImported', data: { item: ref, sectionId: item.sectionId, ...command.data } }];
    }
    case 'RevertImportedEvaluation':
      requireRole(context.actor, 'planning_office');
      if (context.cycle.status === 'published') throw cyclePublished();
      if (state.status !== 'approved' || state.importId !== command.data.importId) return [];
      return [{ type: 'EvaluationImportReverted', data: { item: ref, importId: command.data.importId } }];
    default:
      return assertNever(command, 'evaluation command');
  }
}

function adjustRating(
  data: { rating: Rating; reason: string },
  state: EvaluationState,
  context: EvaluationContext,
  ref: EvaluationEvent['data']['item'],
): EvaluationEvent[] {
  assertCouncilMayReview(context);
  if (state.status !== 'submitted' && state.status !== 'approved') throw wrongStatus(state.status, { ja: '評価を調整', en: 'adjust the rating' });
  if (!data.reason?.trim()) throw textRequired('reason', '調整の理由', 'the reason for the adjustment');
  assertValidRating(data.rating, context.cycle.scheme, { ...context.item }, context.cycle);
  const from = (state.status === 'approved' ? state.councilRating : undefined) ?? state.sectionRating ?? null;
  // Adjusting a submitted item also approves it: the council's decision on it is made.
  return [{ type: 'RatingAdjusted', data: { item: ref, from, to: data.rating, reason: data.reason } }];
}

/** Section commands: the owning section's staff, while the cycle accepts submissions. */
function assertSectionMayEdit(context: EvaluationContext): void {
  requireRole(context.actor, 'section_staff');
  if (context.actor.sectionId !== context.item.sectionId) throw notYourSection(context.item.sectionId);
  if (context.cycle.status !== 'open') throw cycleNotOpen(context.cycle.status);
}

function assertCouncilMayReview(context: EvaluationContext): void {
  requireRole(context.actor, 'council_member');
  if (context.cycle.status === 'published') throw cyclePublished();
}

function assertActualKind(actual: Actual, context: EvaluationContext): void {
  if (actual.kind !== context.item.kind) throw actualKindMismatch(context.item.kind);
  if (actual.kind === 'project' && !actual.text.trim()) throw textRequired('actual.text', '実績', 'the actual');
  if (actual.kind === 'kpi' && !actual.value.text.trim()) throw textRequired('actual.value', '実績値', 'the actual value');
}

/** Projects are always rated; KPIs only where the scheme rates them (Taisho: achievement A/B per outcome). */
const needsRating = (context: EvaluationContext) => context.item.kind === 'project' || schemeOf(context.cycle.scheme).ratesKpis;

export const evaluationDecider = {
  decide: decideEvaluation,
  evolve: evolveEvaluation,
  initialState: initialEvaluation,
};
