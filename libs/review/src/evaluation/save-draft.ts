import type { EvaluationCommandOf } from './evaluation.commands';
import { wrongStatus } from './evaluation.errors';
import type { Draft, EvaluationEvent } from './evaluation.events';
import { assertActualKind, assertSectionMayEdit, itemRefOf } from './evaluation.guards';
import type { EvaluationState } from './evaluation.state';

export type SaveDraft = EvaluationCommandOf<'SaveDraft', { draft: Draft }>;

/** The owning section keeps unfinished work; any draft replaces the last, until it is submitted. */
export function decideSaveDraft({ data, context }: SaveDraft, state: EvaluationState): EvaluationEvent[] {
  assertSectionMayEdit(context);
  if (state.status === 'submitted' || state.status === 'approved')
    throw wrongStatus(state.status, { ja: '下書きを保存', en: 'save a draft' });
  if (data.draft.actual) assertActualKind(data.draft.actual, context);
  return [{ type: 'DraftSaved', data: { item: itemRefOf(context), draft: data.draft } }];
}
