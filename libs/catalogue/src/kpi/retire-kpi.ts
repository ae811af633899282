import type { CatalogueCommandOf } from '../catalogue.commands';
import { unknownEntry } from '../catalogue.errors';
import type { CatalogueEvent } from '../catalogue.events';
import type { CatalogueState } from '../catalogue.state';

export type RetireKpi = CatalogueCommandOf<'RetireKpi', { kpiId: string; reason: string }>;

/** A retired KPI keeps its history and results; it takes no more changes. Retiring twice is a no-op. */
export function decideRetireKpi({ data }: RetireKpi, state: CatalogueState): CatalogueEvent[] {
  const kpi = state.kpis[data.kpiId];
  if (!kpi) throw unknownEntry('kpi', data.kpiId);
  return kpi.retired ? [] : [{ type: 'KpiRetired', data }];
}
