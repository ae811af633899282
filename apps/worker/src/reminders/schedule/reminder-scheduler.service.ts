import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { EVENT_STORE, EventStore, EventSubscription } from '@pdca/event-store';
import { wardOfficeHolidays } from '@pdca/reminders';
import { RedisWatch } from '../queue/redis-watch.service';
import { QueuePlan } from './queue-plan';
import { ScheduleCheckpoint } from './schedule-checkpoint';
import { ScheduleModel } from './schedule-model';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Schedules reminders from the event store, not from an in-memory event bus: a catch-up
 * subscription from the first event folds every cycle's schedule; cycle events after the
 * checkpoint are pushed to the queue as delayed jobs with deterministic ids, one-off requests as
 * jobs due at once, then the checkpoint moves. A restart, a replay or a rebuild therefore re-adds the same ids, which BullMQ ignores,
 * and the ledger stops anything that would still go out twice.
 */
@Injectable()
export class ReminderScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ReminderScheduler');
  private generation = 0;
  private subscription?: EventSubscription;
  private running: Promise<void> = Promise.resolve();
  private savedCheckpoint = 0;
  /** The last event fully handled (folded and, when it changed a schedule, pushed to the queue). */
  position = 0;
  caughtUp = false;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly checkpoint: ScheduleCheckpoint,
    private readonly plan: QueuePlan,
    watch: RedisWatch,
  ) {
    watch.onLook(({ restarted }) => this.verifyCheckpoint(restarted));
  }

  onApplicationBootstrap(): void {
    this.restart('start');
  }

  async onModuleDestroy(): Promise<void> {
    this.generation++;
    await this.subscription?.close();
    await this.running;
  }

  /**
   * Folds everything again from the first event; the checkpoint read from Redis decides what is
   * pushed — or, when Redis itself cannot be trusted, everything planned is pushed again.
   */
  restart(reason: string, trustCheckpoint = true): void {
    const generation = ++this.generation;
    this.caughtUp = false;
    this.position = 0;
    void this.subscription?.close();
    this.logger.log({ msg: 'scheduling from the events', reason });
    this.running = this.running
      .then(() => this.run(generation, trustCheckpoint))
      .catch((error) => this.logger.error({ msg: 'scheduler stopped', error: (error as Error).stack }));
  }

  /**
   * A restarted Redis may have lost part of what we wrote (even with persistence, or mid-sync), and
   * a flushed one all of it: the queue is then built again from the events. Re-adding is harmless.
   */
  private async verifyCheckpoint(restarted: boolean): Promise<void> {
    if (restarted) return this.restart('redis restarted', false);
    if (this.caughtUp && (await this.checkpoint.load()) < this.savedCheckpoint) this.restart('redis lost the schedule');
  }

  private async run(generation: number, trustCheckpoint: boolean): Promise<void> {
    const checkpoint = await this.untilRedis(generation, async () => (trustCheckpoint ? this.checkpoint.load() : 0));
    if (checkpoint === undefined) return;
    this.savedCheckpoint = checkpoint;
    const head = await this.store.headPosition();
    const model = new ScheduleModel(checkpoint, wardOfficeHolidays);
    if (head === 0) this.caughtUp = true;
    this.subscription = this.store.subscribeToAll({ after: 0 });
    for await (const event of this.subscription) {
      if (generation !== this.generation) return;
      model.apply(event);
      if (event.position < head) continue; // catching up: push the net change once, at the end
      if (model.hasChanges && !(await this.sync(generation, model))) return;
      this.position = event.position;
      if (!this.caughtUp)
        this.logger.log({ msg: 'schedule caught up', checkpoint: this.savedCheckpoint, position: model.position });
      this.caughtUp = true;
    }
  }

  private async sync(generation: number, model: ScheduleModel): Promise<boolean> {
    const changes = model.changes();
    const oneOffs = model.pendingOneOffs();
    const done = await this.untilRedis(generation, async () => {
      for (const change of changes) await this.plan.apply(change);
      for (const request of oneOffs) await this.plan.addOneOff(request);
      await this.checkpoint.save(model.position);
      return true;
    });
    if (!done) return false;
    model.synced(changes);
    this.savedCheckpoint = model.position;
    this.logger.log({
      msg: 'schedule pushed to the queue',
      cycles: changes.map((c) => c.key),
      oneOffs: oneOffs.map((r) => r.requestId),
      checkpoint: model.position,
    });
    return true;
  }

  /** Retries while Redis is away; gives up (undefined) only when a newer restart took over. */
  private async untilRedis<T>(generation: number, work: () => Promise<T>): Promise<T | undefined> {
    for (let attempt = 1; generation === this.generation; attempt++) {
      try {
        return await work();
      } catch (error) {
        if (attempt === 4)
          this.logger.warn({ msg: 'queue unreachable; scheduling waits for Redis', error: (error as Error).message });
        await sleep(Math.min(250 * attempt, 2_000));
      }
    }
    return undefined;
  }
}
