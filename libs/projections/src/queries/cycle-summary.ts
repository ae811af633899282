import { warekiFiscalYear } from '@pdca/kernel';
import { effectiveRating, Rating, schemeOf, Summary } from '@pdca/review';
import { ReadModels, WardModel } from '../read-models';

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
  const scheme = schemeOf(cycle.scheme);
  const projects = ratingsOf('project', cycle.scope.projectIds, (id) => ward.catalogue.projects[id] !== undefined);
  // KPIs are only read where the scheme rates them: one pass less for the others.
  const kpis = scheme.ratesKpis
    ? ratingsOf('kpi', cycle.scope.kpiIds, (id) => ward.catalogue.kpis[id] !== undefined)
    : [];
  return scheme.summarize({ projects, kpis, settings: cycle, yearLabel: warekiFiscalYear(fiscalYear) });
}

/** Every ward's summary of a fiscal year and the total over all of them (nationwide comparisons). */
export function summariesOf(
  models: ReadModels,
  fiscalYear: number,
): { wards: Map<string, Summary>; total: Record<string, number> } {
  const wards = new Map<string, Summary>();
  const total: Record<string, number> = {};
  for (const [wardId, ward] of models.wards) {
    const summary = cycleSummary(ward, fiscalYear);
    if (!summary) continue;
    wards.set(wardId, summary);
    // Every count but the unrated, keyed as the publication event keeps them (Taisho's projects and KPIs apart).
    const { total: count, unrated: _unrated, ...categories } = schemeOf(summary.scheme).counts(summary);
    for (const [key, n] of Object.entries(categories)) total[key] = (total[key] ?? 0) + n;
    total.total = (total.total ?? 0) + count;
  }
  return { wards, total };
}
