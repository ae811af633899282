import { requireRole } from '@pdca/kernel';
import type { EvaluationCommandOf } from './evaluation.commands';
import { cyclePublished } from './evaluation.errors';
import type { EvaluationEvent } from './evaluation.events';
import { itemRefOf } from './evaluation.guards';
import type { EvaluationState } from './evaluation.state';

export type RevertImportedEvaluation = EvaluationCommandOf<'RevertImportedEvaluation', { importId: string }>;

/** Undoes an import's evaluation only while it is still the import's (anything done since wins: nothing to revert). */
export function decideRevertImportedEvaluation(
  { data, context }: RevertImportedEvaluation,
  state: EvaluationState,
): EvaluationEvent[] {
  requireRole(context.actor, 'planning_office');
  if (context.cycle.status === 'published') throw cyclePublished();
  if (state.status !== 'approved' || state.importId !== data.importId) return [];
  return [{ type: 'EvaluationImportReverted', data: { item: itemRefOf(context), importId: data.importId } }];
}
