import type { CatalogueCommandOf } from '../catalogue.commands';
import type { AnnualPlanData, CatalogueEvent } from '../catalogue.events';
import { activeProject, unchanged } from '../catalogue.guards';
import type { CatalogueState } from '../catalogue.state';

export type SetAnnualPlan = CatalogueCommandOf<'SetAnnualPlan', AnnualPlanData>;

/** A project's plan for one fiscal year (当初計画); setting it again as it is decides nothing. */
export function decideSetAnnualPlan({ data }: SetAnnualPlan, state: CatalogueState): CatalogueEvent[] {
  const current = activeProject(state, data.projectId).annualPlans[data.fiscalYear];
  return current && unchanged(current, data) ? [] : [{ type: 'AnnualPlanSet', data }];
}
