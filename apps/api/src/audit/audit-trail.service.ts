import { Inject, Injectable } from '@nestjs/common';
import { verifyStore, VerificationReport } from '@pdca/audit';
import { EVENT_STORE, EventStore, RecordedEvent } from '@pdca/event-store';
import { cycleStream, evaluationStream, ItemKind } from '@pdca/review';
import { ProjectionsService } from '../projections/projections.service';
import { historyEntry, HistoryEntry } from '../queries/item-history';
import { reportStreams } from '../reports/report-streams';
import type { LogVerification } from '@pdca/transparency';
import { TransparencyLogService } from '../transparency/transparency-log.service';

export interface TrailEntry extends HistoryEntry {
  fiscalYear: number;
  stream: string;
}

const CYCLE_MILESTONES = new Set([
  'CycleOpened',
  'DeadlineExtended',
  'CycleClosed',
  'CycleReopened',
  'ReportPublished',
  'ReportCorrected',
]);

/** The cycle events that belong in one item's trail: the milestones, and its own exclusion. */
const concernsItem = (kind: ItemKind, itemId: string) => (event: RecordedEvent) => {
  if (CYCLE_MILESTONES.has(event.type)) return true;
  const data = event.data as { kind?: string; itemId?: string };
  return event.type === 'ItemExcluded' && data.kind === kind && data.itemId === itemId;
};

/** For auditors: the whole chain of an item, from submission through review to publication and correction. */
@Injectable()
export class AuditTrailService {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projections: ProjectionsService,
    private readonly transparency: TransparencyLogService,
  ) {}

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

  /**
   * The ward's stream chains and published chain heads, and the whole log (issue 13): its chain and
   * every kept checkpoint, whose findings `pdca verify` names in the same words.
   */
  async verify(wardId: string): Promise<VerificationReport & { log: LogVerification & { otherWardFindings: number } }> {
    const own = new RegExp(`^[a-z]+-${wardId}(?:-|$)`);
    const streams = await verifyStore(this.store, (stream) => own.test(stream));
    const whole = await this.transparency.verifyLog();
    // The log is one for every ward: an auditor sees the findings of their own ward's streams and the checkpoint-level ones.
    // The log is one for all wards: another ward's findings are counted, not described (their streams are theirs).
    const mine = whole.findings.filter(
      (f) => f.stream === undefined || own.test(f.stream) || !/^[a-z]+-[a-z]+-/.test(f.stream),
    );
    const log = { ...whole, findings: mine, otherWardFindings: whole.findings.length - mine.length };
    return { ...streams, intact: streams.intact && whole.intact, log };
  }

  private entries(fiscalYear: number, events: RecordedEvent[]): TrailEntry[] {
    return events
      .sort((a, b) => a.position - b.position)
      .map((event) => ({ fiscalYear, stream: event.stream, ...historyEntry(event) }));
  }
}
