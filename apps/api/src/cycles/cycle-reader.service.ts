import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStore, FoldedStreamCache } from '@pdca/event-store';
import type { StreamRevision } from '@pdca/event-store';
import { notFound } from '@pdca/kernel';
import { cycleDecider, CycleEvent, cycleStream, CycleState } from '@pdca/review';

/**
 * Commands on items judge the cycle's status from the cycle stream itself (a handful of events),
 * not from the projections, so a submission can never slip past a close that was just acknowledged.
 */
@Injectable()
export class CycleReader {
  private readonly cycles: FoldedStreamCache<CycleState, CycleEvent>;

  constructor(@Inject(EVENT_STORE) store: EventStore) {
    this.cycles = new FoldedStreamCache(store, cycleDecider);
  }

  async current(wardId: string, fiscalYear: number): Promise<CycleState> {
    return (await this.cycles.read(cycleStream(wardId, fiscalYear))).state;
  }

  async opened(wardId: string, fiscalYear: number): Promise<Exclude<CycleState, { status: 'not_opened' }>> {
    return (await this.openedAt(wardId, fiscalYear, { cached: false })).state;
  }

  /** The opened cycle with its stream and revision; `cached` as ContextReads allows it (no revision lookup). */
  async openedAt(
    wardId: string,
    fiscalYear: number,
    { cached }: { cached: boolean },
  ): Promise<StreamRevision & { state: Exclude<CycleState, { status: 'not_opened' }> }> {
    const stream = cycleStream(wardId, fiscalYear);
    const { state: cycle, revision } = await (cached ? this.cycles.readCached(stream) : this.cycles.read(stream));
    if (cycle.status === 'not_opened') {
      throw notFound(
        'CYCLE_NOT_FOUND',
        `${fiscalYear}年度のサイクルは開始されていません。`,
        `No review cycle has been opened for FY${fiscalYear}.`,
        { fiscalYear },
      );
    }
    return { stream, revision, state: cycle };
  }
}
