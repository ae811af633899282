import { requireRole } from '@pdca/kernel';
import { schemeOf } from '../schemes/registry';
import type { Actual } from './evaluation-item';
import type { EvaluationContext } from './evaluation.commands';
import { actualKindMismatch, cycleNotOpen, cyclePublished, notYourSection, textRequired } from './evaluation.errors';
import type { EvaluationEvent } from './evaluation.events';

/** Rules several evaluation commands share; each command's own rules live in its slice. */

/** The item as its events name it. */
export const itemRefOf = ({ item }: EvaluationContext): EvaluationEvent['data']['item'] => {
  const { wardId, fiscalYear, kind, itemId } = item;
  return { wardId, fiscalYear, kind, itemId };
};

/** Section commands: the owning section's staff, while the cycle accepts submissions. */
export function assertSectionMayEdit(context: EvaluationContext): void {
  requireRole(context.actor, 'section_staff');
  if (context.actor.sectionId !== context.item.sectionId) throw notYourSection(context.item.sectionId);
  if (context.cycle.status !== 'open') throw cycleNotOpen(context.cycle.status);
}

export function assertCouncilMayReview(context: EvaluationContext): void {
  requireRole(context.actor, 'council_member');
  if (context.cycle.status === 'published') throw cyclePublished();
}

export function assertActualKind(actual: Actual, context: EvaluationContext): void {
  if (actual.kind !== context.item.kind) throw actualKindMismatch(context.item.kind);
  if (actual.kind === 'project' && !actual.text.trim()) throw textRequired('actual.text', '実績', 'the actual');
  if (actual.kind === 'kpi' && !actual.value.text.trim())
    throw textRequired('actual.value', '実績値', 'the actual value');
}

/** Projects are always rated; KPIs only where the scheme rates them (Taisho: achievement A/B per outcome). */
export const needsRating = (context: EvaluationContext) =>
  context.item.kind === 'project' || schemeOf(context.cycle.scheme).ratesKpis;
