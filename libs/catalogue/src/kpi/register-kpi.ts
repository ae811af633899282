import type { CatalogueCommandOf } from '../catalogue.commands';
import { alreadyRegistered } from '../catalogue.errors';
import type { CatalogueEvent, KpiData } from '../catalogue.events';
import { requireKnown } from '../catalogue.guards';
import type { CatalogueState } from '../catalogue.state';

export type RegisterKpi = CatalogueCommandOf<'RegisterKpi', KpiData>;

/** A KPI (指標) of a plan, owned by a section, with its baseline and target. */
export function decideRegisterKpi({ data }: RegisterKpi, state: CatalogueState): CatalogueEvent[] {
  if (state.kpis[data.kpiId]) throw alreadyRegistered('kpi', data.kpiId);
  requireKnown(state, 'plan', data.planId);
  requireKnown(state, 'section', data.sectionId);
  return [{ type: 'KpiRegistered', data }];
}
