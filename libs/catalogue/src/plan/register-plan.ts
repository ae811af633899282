import type { CatalogueCommandOf } from '../catalogue.commands';
import { alreadyRegistered } from '../catalogue.errors';
import type { CatalogueEvent, PlanData } from '../catalogue.events';
import { requireKnown } from '../catalogue.guards';
import type { CatalogueState } from '../catalogue.state';

export type RegisterPlan = CatalogueCommandOf<'RegisterPlan', PlanData>;

/** A strategic plan (戦略計画) under a pillar already in the catalogue. */
export function decideRegisterPlan({ data }: RegisterPlan, state: CatalogueState): CatalogueEvent[] {
  if (state.plans[data.planId]) throw alreadyRegistered('plan', data.planId);
  requireKnown(state, 'pillar', data.pillarId);
  return [{ type: 'PlanRegistered', data }];
}
