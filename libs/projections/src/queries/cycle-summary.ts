import { warekiFiscalYear } from '@pdca/kernel';
import { effectiveRating, Rating } from '@pdca/review';
import { ReadModels, WardModel } from '../read-models';
import { nerimaSummary, Summary, taishoSummary } from './summary';

/**
 * The summary table alone, without building the plan tables: one pass over the cycle's scope.
 * The same numbers as buildReportModel(...).summary, at a fraction of the cost.
 */
export function cycleSummary(ward: WardModel, fiscalYear: number): Summary | undefined {
  const cycleModel = ward.cycles.get(fiscalYear);
  if (!cycleModel || cycleModel.cycle.status === 'not_opened') return undefined;
  const { cycle, items } = cycleModel;
  const ratingsOf = (kind: 'project' | 'kpi', ids: string[], exists: (id: string) => boolean) => {
    const ratings: Array<Rating | undefined> = [];
    for (const id of ids) {
      if (!exists(id)) continue;
      const model = items[kind].get(id);
      ratings.push(model ? effectiveRating(model.state) : undefined);
    }
    return ratings;
  };
  const projects = ratingsOf('project', cycle.scope.projectIds, (id) => ward.catalogue.projects[id] !== undefined);
  if (cycle.scheme === 'nerima') return nerimaSummary(projects, cycle.bReasons, warekiFiscalYear(fiscalYear));
  return taishoSummary(projects, ratingsOf('kpi', cycle.scope.kpiIds, (id) => ward.catalogue.kpis[id] !== undefined));
}

/** Every ward's summary of a fiscal year and the total over all of them (nationwide comparisons). */
export function summariesOf(models: ReadModels, fiscalYear: number): { wards: Map<string, Summary>; total: Record<string, number> } {
  const wards = new Map<string, Summary>();
  const total: Record<string, number> = {};
  for (const [wardId, ward] of models.wards) {
    const summary = cycleSummary(ward, fiscalYear);
    if (!summary) continue;
    wards.set(wardId, summary);
    const rows = summary.scheme === 'nerima' ? [...summary.rows, ...summary.bReasons.map((r) => ({ ...r, key: `B:${r.key}` }))] : [...summary.projects, ...summary.kpis];
    for (const row of rows) total[row.key] = (total[row.key] ?? 0) + row.count;
    total.total = (total.total ?? 0) + summary.total;
  }
  return { wards, total };
}
