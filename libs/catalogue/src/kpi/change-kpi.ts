import type { CatalogueCommandOf } from '../catalogue.commands';
import { retiredEntry, unknownEntry } from '../catalogue.errors';
import type { CatalogueEvent, KpiData } from '../catalogue.events';
import { pick, requireKnown, unchanged } from '../catalogue.guards';
import type { CatalogueState } from '../catalogue.state';

export type ChangeKpi = CatalogueCommandOf<'ChangeKpi', KpiData>;

export function decideChangeKpi({ data }: ChangeKpi, state: CatalogueState): CatalogueEvent[] {
  const kpi = state.kpis[data.kpiId];
  if (!kpi) throw unknownEntry('kpi', data.kpiId);
  if (kpi.retired) throw retiredEntry('kpi', data.kpiId);
  requireKnown(state, 'plan', data.planId);
  requireKnown(state, 'section', data.sectionId);
  return unchanged(pick(kpi, data), data) ? [] : [{ type: 'KpiChanged', data }];
}
