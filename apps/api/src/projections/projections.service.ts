import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@pdca/event-store';
import { DomainError } from '@pdca/kernel';
import { ProjectionRunner, ReadModels, WardModel, wardOf } from '@pdca/projections';

/** How long a request may wait for the projections to reach a position before answering 503. */
export const CONSISTENCY_WAIT_MS = 5_000;

/** The in-process projector: read models in memory, fed by a catch-up subscription. */
@Injectable()
export class ProjectionsService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Projections');
  private readonly runner: ProjectionRunner;
  private startupHead = 0;

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {
    this.runner = new ProjectionRunner(store);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.startupHead = await this.store.headPosition();
    this.runner.start();
    this.logger.log({ msg: 'projecting', from: this.runner.position, head: this.startupHead });
  }

  async onModuleDestroy(): Promise<void> {
    await this.runner.stop();
  }

  get models(): ReadModels {
    return this.runner.readModels;
  }

  get position(): number {
    return this.runner.position;
  }

  /** Ready once the models caught up with what was in the store at start-up. */
  get caughtUp(): boolean {
    return this.runner.position >= this.startupHead && !this.runner.error;
  }

  ward(wardId: string): WardModel {
    return wardOf(this.runner.readModels, wardId);
  }

  waitFor(position: number, timeoutMs = CONSISTENCY_WAIT_MS): Promise<boolean> {
    return this.runner.waitFor(position, timeoutMs);
  }

  /** For queries with ?minPosition=: wait (bounded) or answer 503 so the client retries. */
  async requirePosition(position: number | undefined): Promise<void> {
    if (!position || (await this.waitFor(position))) return;
    throw new DomainError('NOT_YET_CONSISTENT', 'unavailable', '最新の内容を反映中です。少し待ってから再度お試しください。', 'The read models have not reached that position yet; retry shortly.', { requested: position, current: this.position });
  }
}
