import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@pdca/event-store';
import {
  FIRST_CATCH_UP_WATCH_MS,
  ItemView,
  outstandingBySection,
  ProjectionRunner,
  WardModel,
  wardView,
} from '@pdca/projections';
import { compactHeap } from '@pdca/platform';

/** Outstanding-item lists kept, one per ward and fiscal year being reminded. */
const OUTSTANDING_KEPT = 1_024;

/**
 * The worker's own read models (catalogue, cycles, items), fed by a catch-up subscription like
 * the API's: who still owes what is answered here, without calling the API.
 */
@Injectable()
export class WorkerProjections implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('WorkerProjections');
  private readonly runner: ProjectionRunner;
  private startupHead = 0;
  private readonly outstandingCache = new Map<
    string,
    { version: number; pastDeadline: boolean; bySection: Map<string, ItemView[]> }
  >();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {
    this.runner = new ProjectionRunner(store);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.startupHead = await this.store.headPosition();
    this.runner.start();
    // As in the API: the catch-up leaves a fragmented heap; one compaction returns it (node --expose-gc).
    void this.runner.waitFor(this.startupHead, FIRST_CATCH_UP_WATCH_MS).then((caughtUp) => {
      if (caughtUp && compactHeap())
        this.logger.log({
          msg: 'caught up',
          position: this.runner.position,
          rssMb: Math.round(process.memoryUsage().rss / 1_048_576),
        });
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.runner.stop();
  }

  get caughtUp(): boolean {
    return this.runner.position >= this.startupHead && !this.runner.error;
  }

  get position(): number {
    return this.runner.position;
  }

  ward(wardId: string): WardModel {
    return wardView(this.runner.readModels, wardId);
  }

  /**
   * Per section, exactly the items it still owes. A fan-out asks this once per section of the same
   * ward, so the answer is kept until the ward changes (or the deadline passes, which turns items overdue).
   */
  outstanding(wardId: string, fiscalYear: number, now: Date): Map<string, ItemView[]> {
    const ward = this.ward(wardId);
    const cycle = ward.cycles.get(fiscalYear)?.cycle;
    const pastDeadline = Boolean(cycle && cycle.status !== 'not_opened' && now.getTime() > Date.parse(cycle.deadline));
    const key = `${wardId}/${fiscalYear}`;
    const cached = this.outstandingCache.get(key);
    if (cached && cached.version === ward.version && cached.pastDeadline === pastDeadline) return cached.bySection;
    const bySection = outstandingBySection(ward, fiscalYear, now);
    this.outstandingCache.delete(key);
    this.outstandingCache.set(key, { version: ward.version, pastDeadline, bySection });
    if (this.outstandingCache.size > OUTSTANDING_KEPT)
      this.outstandingCache.delete(this.outstandingCache.keys().next().value!);
    return bySection;
  }

  /**
   * Before judging who is late: the models must include everything recorded so far, or a section
   * that submitted a second ago would still be reminded. Throws (the job retries) when they lag.
   */
  async catchUp(timeoutMs = 30_000): Promise<void> {
    const head = await this.store.headPosition();
    if (await this.runner.waitFor(head, timeoutMs)) return;
    this.logger.warn({ msg: 'projections behind the store', position: this.runner.position, head });
    throw new Error(`projections at ${this.runner.position}, store at ${head}`);
  }
}
