import { Inject, Injectable } from '@nestjs/common';
import { verifyStore, VerificationReport } from '@pdca/audit';
import { EVENT_STORE, EventStore, RecordedEvent } from '@pdca/event-store';
import { cycleStream, evaluationStream, ItemKind } from '@pdca/review';
import { ProjectionsService } from '../projections/projections.service';
import { historyEntry, HistoryEntry } from '../queries/item-history';
import { reportStreams } from '../reports/report-streams';

export interface TrailEntry extends HistoryEntry {
  fiscalYear: number;
  stream: string;
}

const CYCLE_MILESTONES = new Set(['CycleOpened', 'DeadlineExtended', 'CycleClosed', 'CycleReopened', 'ReportPublished', 'ReportCorrected']);

/** The cycle events that belong in one item's trail: the milestones, and its own exclusion. */
const concernsItem = (kind: ItemKind, itemId: string) => (event: RecordedEvent) => {
  if (CYCLE_MILESTONES.has(event.type)) return true;
  const data = event.data as { kind?: string; itemId?: string };
  return event.type === 'ItemExcluded' && data.kind === kind && data.itemId === itemId;
};

/** For auditors: the whole chain of an item, from submission through review to publication and correction. */
@Injectable()
export class AuditTrailService {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore, private readonly projections: ProjectionsService) {}

  async itemTrail(wardId: string, kind: ItemKind, itemId: string, fiscalYear?: number): Promise<TrailEntry[]> {
    const years = fiscalYear !== undefined ? [fiscalYear] : [...this.projections.ward(wardId).cycles.keys()].sort();
    const entries: TrailEntry[] = [];
    for (const year of years) {
      const own = await this.store.readStream(evaluationStream({ wardId, fiscalYear: year, kind, itemId }));
      const cycle = (await this.store.readStream(cycleStream(wardId, year))).filter(concernsItem(kind, itemId));
      entries.push(...this.entries(year, [...own, ...cycle]));
    }
    return entries;
  }

  /** Every event of every stream a fiscal year's report is made of, in global order. */
  async cycleTrail(wardId: string, fiscalYear: number): Promise<TrailEntry[]> {
    const ward = this.projections.ward(wardId);
    const cycle = ward.cycles.get(fiscalYear)?.cycle;
    if (!cycle || cycle.status === 'not_opened') return [];
    const streams = reportStreams(wardId, fiscalYear, cycle, ward.catalogue);
    const events = (await Promise.all(streams.map((s) => this.store.readStream(s)))).flat();
    return this.entries(fiscalYear, events);
  }

  verify(wardId: string): Promise<VerificationReport> {
    const own = new RegExp(`^[a-z]+-${wardId}(?:-|$)`);
    return verifyStore(this.store, (stream) => own.test(stream));
  }

  private entries(fiscalYear: number, events: RecordedEvent[]): TrailEntry[] {
    return events.sort((a, b) => a.position - b.position).map((event) => ({ fiscalYear, stream: event.stream, ...historyEntry(event) }));
  }
}
