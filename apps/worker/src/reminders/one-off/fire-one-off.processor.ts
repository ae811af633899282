import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { CLOCK } from '@pdca/kernel';
import type { Clock } from '@pdca/kernel';
import { WorkerProjections } from '../projections/worker-projections.service';
import { OneOffJobData, REMINDER_QUEUE, ReminderJobData, sendGroupJobs } from '../queue/reminder-jobs';
import { REMINDER_TUNING, ReminderTuning } from '../reminder-tuning';
import { OneOffRequests } from './one-off-requests.service';
import { judgeOneOffJob } from './one-off-verdict';

export type FireOneOffResult = { outcome: 'not_scheduled' | 'expired' } | { outcome: 'due'; sections: string[] };

/**
 * A one-off reminder fans out like an occasion, to the chosen sections only, and only to those that
 * still owe something now (one may have submitted since the request). The sends are the usual send
 * jobs: the same ledger check, the same ReminderSent/ReminderFailed.
 */
@Injectable()
export class FireOneOff {
  private readonly logger = new Logger('FireOneOff');

  constructor(
    private readonly projections: WorkerProjections,
    private readonly requests: OneOffRequests,
    @Inject(REMINDER_QUEUE) private readonly queue: Queue<ReminderJobData>,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(REMINDER_TUNING) private readonly tuning: ReminderTuning,
  ) {}

  async run(job: Job<OneOffJobData>): Promise<FireOneOffResult> {
    await this.projections.catchUp();
    const now = this.clock.now();
    const { wardId, fiscalYear, occasionId, dueAt, requestId } = job.data;
    const judged = judgeOneOffJob(this.projections.ward(wardId), fiscalYear, await this.requests.find(job.data), now);
    if (judged.verdict === 'expired')
      this.logger.warn({ msg: 'one-off reminder expired before it could be sent', requestId });
    if (judged.verdict !== 'due') return { outcome: judged.verdict };
    const owing = this.projections.outstanding(wardId, fiscalYear, now);
    const sections = judged.request.sectionIds.filter((sectionId) => (owing.get(sectionId)?.length ?? 0) > 0).sort();
    await this.queue.addBulk(
      sendGroupJobs({ wardId, fiscalYear, occasionId, dueAt, requestId }, sections, this.tuning),
    );
    return { outcome: 'due', sections };
  }
}
