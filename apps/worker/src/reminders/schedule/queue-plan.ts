import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Job, JobState, Queue } from 'bullmq';
import { CLOCK } from '@pdca/kernel';
import type { Clock } from '@pdca/kernel';
import { oneOffExpiresAt, oneOffOccasionIdOf } from '@pdca/reminders';
import type { OneOffReminderRequestedData, ReminderOccasion } from '@pdca/reminders';
import {
  OCCASION_JOB,
  occasionJobId,
  occasionJobOptions,
  OccasionJobData,
  ONE_OFF_JOB,
  OneOffJobData,
  oneOffJobOptions,
  REMINDER_QUEUE,
  ReminderJobData,
} from '../queue/reminder-jobs';
import { REMINDER_TUNING, ReminderTuning } from '../reminder-tuning';
import type { CycleChange } from './schedule-model';

const PENDING: JobState[] = ['delayed', 'waiting', 'prioritized', 'waiting-children'];
const stamp = (occasion: ReminderOccasion) => `${occasion.occasionId}@${occasion.at}`;

/**
 * Brings the queue in line with one cycle's schedule. Every step is idempotent (deterministic job
 * ids; adding an existing id is a no-op), so a sync interrupted by a Redis outage is simply run again.
 * Delays come from the injected clock, so tests decide what "now" is.
 */
@Injectable()
export class QueuePlan {
  private readonly logger = new Logger('QueuePlan');

  constructor(
    @Inject(REMINDER_QUEUE) private readonly queue: Queue<ReminderJobData>,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(REMINDER_TUNING) private readonly tuning: ReminderTuning,
  ) {
    // Connection errors surface as failed calls (retried by the scheduler) and through RedisWatch.
    queue.on('error', (error) => this.logger.debug({ msg: 'queue connection error', error: error.message }));
  }

  async apply(change: CycleChange): Promise<void> {
    if (!change.active) return this.removePendingOfCycle(change.wardId, change.fiscalYear);
    const planned = new Set(change.planned.map(stamp));
    for (const occasion of change.queued) {
      if (!planned.has(stamp(occasion))) await this.removeIfPending(occasionJobId(occasion.occasionId));
    }
    for (const occasion of change.planned) await this.add(occasion);
  }

  private async add(occasion: ReminderOccasion): Promise<void> {
    const { wardId, fiscalYear, occasionId, at } = occasion;
    const data: OccasionJobData = { wardId, fiscalYear, occasionId, dueAt: at };
    const delay = Math.max(0, Date.parse(at) - this.clock.now().getTime());
    await this.queue.add(OCCASION_JOB, data, occasionJobOptions(occasionId, delay, this.tuning));
  }

  /**
   * A one-off reminder, due at once. One that expired meanwhile is not added: after Redis lost its
   * data every request is pushed again, and old ones must stay quiet (the ledger stops the sent ones).
   */
  async addOneOff(request: OneOffReminderRequestedData): Promise<void> {
    if (this.clock.now().getTime() > oneOffExpiresAt(request).getTime()) return;
    const { wardId, fiscalYear, requestId, requestedAt } = request;
    const occasionId = oneOffOccasionIdOf(wardId, fiscalYear, requestId);
    const data: OneOffJobData = { wardId, fiscalYear, occasionId, requestId, dueAt: requestedAt };
    await this.queue.add(ONE_OFF_JOB, data, oneOffJobOptions(occasionId, this.tuning));
  }

  /** Finished jobs stay (the dashboard shows them); an active one is left to finish — it re-checks the schedule itself. */
  private async removeIfPending(jobId: string): Promise<void> {
    const job = await this.queue.getJob(jobId);
    if (job && (PENDING as string[]).includes(await job.getState())) await this.queue.remove(jobId);
  }

  /** Closing or publishing the cycle: no occasion and no retried e-mail of it is left waiting. */
  private async removePendingOfCycle(wardId: string, fiscalYear: number): Promise<void> {
    const jobs: (Job<ReminderJobData> | undefined)[] = await this.queue.getJobs(PENDING);
    const ofCycle = jobs.filter(
      (job): job is Job<ReminderJobData> => job?.data?.wardId === wardId && job.data.fiscalYear === fiscalYear,
    );
    for (const job of ofCycle) if (job.id) await this.queue.remove(job.id);
  }
}
