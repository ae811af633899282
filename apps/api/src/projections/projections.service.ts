import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { EventBus } from '@nestjs/cqrs';
import { EVENT_STORE, EventStore, RecordedEvent } from '@pdca/event-store';
import { DomainError } from '@pdca/kernel';
import {
  FIRST_CATCH_UP_WATCH_MS,
  PROJECTION_VERSION,
  ProjectionRunner,
  ReadModels,
  readSnapshot,
  WardModel,
  wardView,
  writeSnapshot,
} from '@pdca/projections';
import { compactHeap, Environment } from '@pdca/platform';
import { checkpointReasonOf, PublicationProjected } from '../transparency/publication-projected.event';

/** Snapshots of the read models are written at most this often (and at shutdown), when enough has changed. */
const SNAPSHOT_EVERY_MS = 5 * 60_000;
const SNAPSHOT_MIN_EVENTS = 10_000;

/** How long a request may wait for the projections to reach a position before answering 503. */
export const CONSISTENCY_WAIT_MS = 5_000;

/** The in-process projector: read models in memory, fed by a catch-up subscription. */
@Injectable()
export class ProjectionsService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Projections');
  private runner: ProjectionRunner;
  private startupHead = 0;
  private storeIdentity = '';
  private snapshotPosition = 0;
  private snapshotTimer?: NodeJS.Timeout;
  private readonly snapshotFile: string;
  private readonly rebuildListeners: Array<() => void> = [];
  private readonly readHooks: Array<() => Promise<void>> = [];
  private rebuilding: Promise<void> = Promise.resolve();

  /** The last position told on the bus: a rebuilt runner does not tell a publication twice. */
  private toldUpTo = 0;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    environment: Environment,
    private readonly eventBus: EventBus,
  ) {
    this.runner = new ProjectionRunner(store, undefined, this.tell);
    this.snapshotFile = join(environment.DATA_DIR, 'projections.snapshot');
  }

  /** Publications and corrections recorded since start-up, told to the checkpoint signer (PublicationProjected). */
  private readonly tell = (event: RecordedEvent): void => {
    const reason = checkpointReasonOf(event.type);
    if (!reason || event.position <= this.toldUpTo) return;
    this.toldUpTo = event.position;
    this.eventBus.publish(new PublicationProjected(event.position, reason));
  };

  /** Starts from the last snapshot when it belongs to this store and projection version, else from zero. */
  async onApplicationBootstrap(): Promise<void> {
    this.startupHead = await this.store.headPosition();
    this.toldUpTo = this.startupHead;
    const [first] = await this.store.readAll({ after: 0, maxCount: 1 });
    this.storeIdentity = first?.id ?? '';
    const snapshot = first ? readSnapshot(this.snapshotFile, this.storeIdentity) : undefined;
    if (snapshot && snapshot.position <= this.startupHead) {
      this.runner = new ProjectionRunner(this.store, snapshot, this.tell);
      this.snapshotPosition = snapshot.position;
    }
    this.runner.start();
    void this.runner.waitFor(this.startupHead, FIRST_CATCH_UP_WATCH_MS).then((caughtUp) => {
      if (caughtUp) this.afterCatchUp();
    });
    this.snapshotTimer = setInterval(() => void this.snapshot(SNAPSHOT_MIN_EVENTS), SNAPSHOT_EVERY_MS).unref();
    this.logger.log({
      msg: 'projecting',
      from: this.runner.position,
      head: this.startupHead,
      fromSnapshot: Boolean(snapshot),
      version: PROJECTION_VERSION,
    });
  }

  /** Catching up leaves a grown, fragmented heap behind: compacting it once returns the slack. */
  private afterCatchUp(): void {
    compactHeap();
    const { rss, heapTotal, heapUsed } = process.memoryUsage();
    const toMb = (bytes: number) => Math.round(bytes / 1_048_576);
    this.logger.log({
      msg: 'caught up',
      position: this.runner.position,
      rssMb: toMb(rss),
      heapTotalMb: toMb(heapTotal),
      heapUsedMb: toMb(heapUsed),
    });
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.snapshotTimer);
    await this.runner.stop();
    await this.snapshot(1);
  }

  /** The position inside the models is the checkpoint persisted with them. */
  private async snapshot(minEvents: number): Promise<void> {
    if (this.runner.position - this.snapshotPosition < minEvents || this.runner.error) return;
    try {
      this.storeIdentity ||= (await this.store.readAll({ after: 0, maxCount: 1 }))[0]?.id ?? '';
      if (!this.storeIdentity) return;
      writeSnapshot(this.snapshotFile, {
        version: PROJECTION_VERSION,
        storeIdentity: this.storeIdentity,
        models: this.runner.readModels,
      });
      this.snapshotPosition = this.runner.position;
    } catch (error) {
      this.logger.warn({ msg: 'snapshot not written', error: (error as Error).message });
    }
  }

  /** What is built from the models and kept (published reports…) registers here, to be dropped when they are rebuilt. */
  afterRebuild(listener: () => void): void {
    this.rebuildListeners.push(listener);
  }

  /**
   * After a personal-data erasure: models rebuilt from zero (the erased texts now read as the mark)
   * replace the live ones, and the snapshot is written anew, so neither memory nor a file keeps the text.
   */
  rebuildFromZero(): Promise<void> {
    this.rebuilding = this.rebuilding
      .catch(() => undefined)
      .then(async () => {
        const models = await ProjectionRunner.rebuild(this.store);
        await this.runner.stop();
        this.runner = new ProjectionRunner(this.store, models, this.tell);
        this.runner.start();
        this.rebuildListeners.forEach((listener) => listener());
        rmSync(this.snapshotFile, { force: true });
        this.snapshotPosition = 0;
        await this.snapshot(1);
      });
    return this.rebuilding;
  }

  get models(): ReadModels {
    return this.runner.readModels;
  }

  get position(): number {
    return this.runner.position;
  }

  /** Ready once the models caught up with what was in the store at start-up. */
  /** True when the models were loaded from a snapshot at start rather than rebuilt from zero. */
  get startedFromSnapshot(): boolean {
    return this.snapshotPosition > 0 && this.startupHead > 0;
  }

  get caughtUp(): boolean {
    return this.runner.position >= this.startupHead && !this.runner.error;
  }

  ward(wardId: string): WardModel {
    return wardView(this.runner.readModels, wardId);
  }

  waitFor(position: number, timeoutMs = CONSISTENCY_WAIT_MS): Promise<boolean> {
    return this.runner.waitFor(position, timeoutMs);
  }

  /** Runs before a read at a position is served (an erasure by another process re-projects first). */
  beforeReadAt(hook: () => Promise<void>): void {
    this.readHooks.push(hook);
  }

  /** For queries with ?minPosition=: wait (bounded) or answer 503 so the client retries. */
  async requirePosition(position: number | undefined): Promise<void> {
    if (!position) return;
    if (await this.waitFor(position)) {
      for (const hook of this.readHooks) await hook();
      return;
    }
    throw new DomainError(
      'NOT_YET_CONSISTENT',
      'unavailable',
      '最新の内容を反映中です。少し待ってから再度お試しください。',
      'The read models have not reached that position yet; retry shortly.',
      { requested: position, current: this.position },
    );
  }
}
