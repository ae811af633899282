import type { CatalogueCommandOf } from '../catalogue.commands';
import { unknownEntry } from '../catalogue.errors';
import type { CatalogueEvent, PlanData } from '../catalogue.events';
import { requireKnown, unchanged } from '../catalogue.guards';
import type { CatalogueState } from '../catalogue.state';

export type ChangePlan = CatalogueCommandOf<'ChangePlan', PlanData>;

export function decideChangePlan({ data }: ChangePlan, state: CatalogueState): CatalogueEvent[] {
  const current = state.plans[data.planId];
  if (!current) throw unknownEntry('plan', data.planId);
  requireKnown(state, 'pillar', data.pillarId);
  return unchanged(current, data) ? [] : [{ type: 'PlanChanged', data }];
}
