import type { RecordedEvent } from '@pdca/event-store';
import { cycleSummary, summaryCounts, WardModel } from '@pdca/projections';
import { effectiveRating, evaluationStream, Rating } from '@pdca/review';
import { Audience, Offices, RatingDecision, ratingDecisions } from './rating-decisions';
import { SummaryCell, summaryCells } from './summary-cells';

export interface ItemKey {
  kind: 'project' | 'kpi';
  itemId: string;
}

/** A summary number with the items it counts. */
export interface ProvenanceCell extends SummaryCell {
  items: ItemKey[];
}

/** An item counted in the summary: what it is, its rating, the cells it is counted in, and the decisions behind the rating. */
export interface ProvenanceItem extends ItemKey {
  name: string;
  section: string;
  rating?: Rating;
  cells: string[];
  decisions: RatingDecision[];
}

export interface SummaryProvenance {
  wardId: string;
  fiscalYear: number;
  cells: ProvenanceCell[];
  items: ProvenanceItem[];
}

export interface ProvenanceSources {
  /** The events of the item streams (others are ignored), as far as the view goes (a publication's position, or now). */
  events: readonly RecordedEvent[];
  audience: Audience;
  council: string;
  planningOffice: string;
}

/**
 * Number-level provenance of a year's summary: for every cell, the items counted in it; for every
 * item, the decisions that made its rating. Which cells an item counts in is asked of the summary
 * itself (the summary of a cycle whose scope is that one item), so the links cannot disagree with
 * the table whatever the scheme's counting rules.
 */
export function summaryProvenance(
  ward: WardModel,
  wardId: string,
  fiscalYear: number,
  sources: ProvenanceSources,
): SummaryProvenance | undefined {
  const cycleModel = ward.cycles.get(fiscalYear);
  const summary = cycleSummary(ward, fiscalYear);
  if (!cycleModel || cycleModel.cycle.status === 'not_opened' || !summary) return undefined;
  const { cycle } = cycleModel;
  const byStream = new Map<string, RecordedEvent[]>();
  for (const event of sources.events)
    (byStream.get(event.stream) ?? byStream.set(event.stream, []).get(event.stream)!).push(event);
  const cells = summaryCells(summary).map((cell): ProvenanceCell => ({ ...cell, items: [] }));
  const cellByKey = new Map(cells.map((cell) => [cell.key, cell]));
  const items: ProvenanceItem[] = [];
  const scoped: ItemKey[] = [
    ...cycle.scope.projectIds.map((itemId) => ({ kind: 'project' as const, itemId })),
    ...cycle.scope.kpiIds.map((itemId) => ({ kind: 'kpi' as const, itemId })),
  ];
  for (const key of scoped) {
    const counted = countedIn(ward, fiscalYear, key);
    if (counted.length === 0) continue; // not in the table (a Nerima KPI, a retired entry)
    for (const cellKey of counted) cellByKey.get(cellKey)?.items.push(key);
    const entry = key.kind === 'project' ? ward.catalogue.projects[key.itemId] : ward.catalogue.kpis[key.itemId];
    const section = ward.catalogue.sections[entry.sectionId];
    const offices: Offices = {
      section: section ? `${section.department} ${section.name}` : entry.sectionId,
      council: sources.council,
      planningOffice: sources.planningOffice,
    };
    const model = cycleModel.items[key.kind].get(key.itemId);
    const rating = model ? effectiveRating(model.state) : undefined;
    const stream = evaluationStream({ wardId, fiscalYear, ...key });
    items.push({
      ...key,
      name: 'name' in entry ? entry.name : entry.indicator,
      section: offices.section,
      ...(rating ? { rating } : {}),
      cells: counted,
      decisions: ratingDecisions(byStream.get(stream) ?? [], sources.audience, offices),
    });
  }
  return { wardId, fiscalYear, cells, items };
}

/** The summary keys in which one item counts: the non-zero counts of a summary over that item alone. */
function countedIn(ward: WardModel, fiscalYear: number, key: ItemKey): string[] {
  const cycleModel = ward.cycles.get(fiscalYear)!;
  const scope = {
    projectIds: key.kind === 'project' ? [key.itemId] : [],
    kpiIds: key.kind === 'kpi' ? [key.itemId] : [],
  };
  const alone: WardModel = {
    ...ward,
    cycles: new Map([
      [fiscalYear, { ...cycleModel, cycle: { ...cycleModel.cycle, scope } as typeof cycleModel.cycle }],
    ]),
  };
  const summary = cycleSummary(alone, fiscalYear);
  if (!summary || summary.total === 0) return [];
  return Object.entries(summaryCounts(summary))
    .filter(([, count]) => count > 0)
    .map(([cellKey]) => cellKey);
}
