import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Job, UnrecoverableError, Worker } from 'bullmq';
import { Environment } from '@pdca/platform';
import { FireOccasion } from '../fire-occasion/fire-occasion.processor';
import { FireOneOff } from '../one-off/fire-one-off.processor';
import { REMINDER_TUNING, ReminderTuning } from '../reminder-tuning';
import { SendReminder } from '../send-reminder/send-reminder.processor';
import {
  OCCASION_JOB,
  OccasionJobData,
  ONE_OFF_JOB,
  OneOffJobData,
  ReminderJobData,
  SEND_GROUP_JOB,
  SEND_JOB,
  SendGroupJobData,
  SendJobData,
} from './reminder-jobs';
import { workerConnection } from './redis-options';
import { RedisWatch } from './redis-watch.service';

const CLOSE_WAIT_MS = 10_000;

/** Resolves true when the promise settles in time; a late settlement is ignored. */
const within = (promise: Promise<unknown>, ms: number) =>
  Promise.race([
    promise.then(
      () => true,
      () => true,
    ),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms).unref()),
  ]);

/**
 * Owns the BullMQ Worker instead of leaving it to @nestjs/bullmq's explorer, because it must be
 * replaceable: after a Redis restart a Worker's blocking connection can stay silent forever (a
 * known BullMQ failure mode), so on a new Redis instance — or a Worker that stopped running — a
 * fresh one takes over. The processors are thin: they dispatch to one use case each.
 */
@Injectable()
export class ReminderWorkers implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('ReminderWorkers');
  private worker?: Worker<ReminderJobData>;
  private stopping = false;

  constructor(
    private readonly environment: Environment,
    private readonly fireOccasion: FireOccasion,
    private readonly fireOneOff: FireOneOff,
    private readonly sendReminder: SendReminder,
    @Inject(REMINDER_TUNING) private readonly tuning: ReminderTuning,
    private readonly watch: RedisWatch,
  ) {
    watch.onLook(async ({ restarted }) => {
      if (restarted) await this.replace('redis restarted');
      else if (!this.running) await this.replace('worker not running');
    });
  }

  get running(): boolean {
    return this.worker?.isRunning() ?? false;
  }

  onApplicationBootstrap(): void {
    this.worker = this.create();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    await this.close(this.worker);
  }

  private async replace(reason: string): Promise<void> {
    if (this.stopping) return;
    this.logger.warn({ msg: 'replacing the queue worker', reason });
    const old = this.worker;
    this.worker = this.create();
    await this.close(old);
  }

  private create(): Worker<ReminderJobData> {
    const worker = new Worker<ReminderJobData>(
      this.environment.REMINDER_QUEUE,
      (job, token) => this.process(job, token),
      {
        connection: workerConnection(this.environment),
        concurrency: this.tuning.concurrency,
      },
    );
    worker.on('error', (error) => this.logger.debug({ msg: 'queue worker error', error: error.message }));
    worker.on('failed', (job, error) =>
      this.logger.warn({ msg: 'job failed', jobId: job?.id, attemptsMade: job?.attemptsMade, error: error.message }),
    );
    return worker;
  }

  private process(job: Job<ReminderJobData>, token?: string) {
    switch (job.name) {
      case OCCASION_JOB:
        return this.fireOccasion.run(job as Job<OccasionJobData>, token);
      case ONE_OFF_JOB:
        return this.fireOneOff.run(job as Job<OneOffJobData>);
      case SEND_GROUP_JOB:
        return this.sendReminder.run(job as Job<SendGroupJobData>, token);
      case SEND_JOB:
        return this.sendReminder.runOne(job as Job<SendJobData>, token);
      default:
        throw new UnrecoverableError(`unknown reminder job ${job.name}`);
    }
  }

  /**
   * Lets running jobs finish for a while, then drops the connections: BullMQ's close() waits for
   * Redis, so with Redis away (or a deaf connection) it would hold a shutdown forever. A job cut
   * short is retried later, and the ledger keeps it from being sent twice.
   */
  private async close(worker: Worker | undefined): Promise<void> {
    if (!worker) return;
    if (this.watch.reachable && (await within(worker.close(), CLOSE_WAIT_MS))) return;
    this.logger.warn({ msg: 'dropping the queue worker without waiting for Redis', reachable: this.watch.reachable });
    const closing = worker.close(true);
    await within(worker.disconnect(), 1_000);
    await within(closing, 2_000);
  }
}
