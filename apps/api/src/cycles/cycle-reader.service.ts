import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStore, toDomainEvent } from '@pdca/event-store';
import { notFound } from '@pdca/kernel';
import { CycleEvent, cycleStream, CycleState, evolveCycle, initialCycle } from '@pdca/review';

/**
 * Commands on items judge the cycle's status from the cycle stream itself (a handful of events),
 * not from the projections, so a submission can never slip past a close that was just acknowledged.
 */
@Injectable()
export class CycleReader {
  /** Folded states by stream, valid while the stream's newest revision is unchanged. */
  private readonly cache = new Map<string, { revision: number; state: CycleState }>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async current(wardId: string, fiscalYear: number): Promise<CycleState> {
    const stream = cycleStream(wardId, fiscalYear);
    const revision = await this.store.streamRevision(stream);
    if (revision < 0) return initialCycle();
    const cached = this.cache.get(stream);
    if (cached?.revision === revision) return cached.state;
    const events = await this.store.readStream(stream);
    const state = events.map((e) => toDomainEvent<CycleEvent>(e)).reduce(evolveCycle, initialCycle());
    this.cache.set(stream, { revision: events[events.length - 1].revision, state });
    return state;
  }

  async opened(wardId: string, fiscalYear: number): Promise<Exclude<CycleState, { status: 'not_opened' }>> {
    const cycle = await this.current(wardId, fiscalYear);
    if (cycle.status === 'not_opened') {
      throw notFound('CYCLE_NOT_FOUND', `${fiscalYear}年度のサイクルは開始されていません。`, `No review cycle has been opened for FY${fiscalYear}.`, { fiscalYear });
    }
    return cycle;
  }
}
