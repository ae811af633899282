import type { CatalogueCommandOf } from '../catalogue.commands';
import { unknownEntry } from '../catalogue.errors';
import type { CatalogueEvent } from '../catalogue.events';
import type { CatalogueState } from '../catalogue.state';

export type WithdrawAnnualPlan = CatalogueCommandOf<'WithdrawAnnualPlan', { projectId: string; fiscalYear: number }>;

/** Takes a year's plan back (an import's reversion does): a year without one decides nothing. */
export function decideWithdrawAnnualPlan({ data }: WithdrawAnnualPlan, state: CatalogueState): CatalogueEvent[] {
  const project = state.projects[data.projectId];
  if (!project) throw unknownEntry('project', data.projectId);
  return project.annualPlans[data.fiscalYear] ? [{ type: 'AnnualPlanWithdrawn', data }] : [];
}
