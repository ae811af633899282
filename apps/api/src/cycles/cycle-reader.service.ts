import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStore, FoldedStreamCache } from '@pdca/event-store';
import type { ContextReads } from '@pdca/event-store';
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
    return this.openedIn(await this.current(wardId, fiscalYear), fiscalYear);
  }

  /** The opened cycle as a command's context (ContextReads: maybe from the cache, the append held to it). */
  async openedFor(wardId: string, fiscalYear: number, reads: ContextReads) {
    return this.openedIn((await this.cycles.readFor(cycleStream(wardId, fiscalYear), reads)).state, fiscalYear);
  }

  private openedIn(cycle: CycleState, fiscalYear: number): Exclude<CycleState, { status: 'not_opened' }> {
    if (cycle.status === 'not_opened') {
      throw notFound(
        'CYCLE_NOT_FOUND',
        `${fiscalYear}年度のサイクルは開始されていません。`,
        `No review cycle has been opened for FY${fiscalYear}.`,
        { fiscalYear },
      );
    }
    return cycle;
  }
}
