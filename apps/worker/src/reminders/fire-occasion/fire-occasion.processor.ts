import { Inject, Injectable } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { CLOCK } from '@pdca/kernel';
import type { Clock } from '@pdca/kernel';
import { judgeJob, postpone } from '../occasion-verdict';
import { WorkerProjections } from '../projections/worker-projections.service';
import { OccasionJobData, REMINDER_QUEUE, ReminderJobData, SEND_JOB, sendJobOptions } from '../queue/reminder-jobs';
import { REMINDER_TUNING, ReminderTuning } from '../reminder-tuning';

export type FireResult = { outcome: 'not_scheduled' | 'superseded' } | { outcome: 'due'; sections: string[] };

/**
 * An occasion is due: one send job per section that still owes something, each with its own
 * retries, so one unreachable mailbox never holds back or repeats the others. Sections that
 * submitted everything get no job at all.
 */
@Injectable()
export class FireOccasion {
  constructor(
    private readonly projections: WorkerProjections,
    @Inject(REMINDER_QUEUE) private readonly queue: Queue<ReminderJobData>,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(REMINDER_TUNING) private readonly tuning: ReminderTuning,
  ) {}

  async run(job: Job<OccasionJobData>, token?: string): Promise<FireResult> {
    await this.projections.catchUp();
    const now = this.clock.now();
    const ward = this.projections.ward(job.data.wardId);
    const judged = judgeJob(ward, job.data, now);
    if (judged.verdict === 'not_yet') return postpone(job, token, judged.occasion.at, this.clock);
    if (judged.verdict !== 'due') return { outcome: judged.verdict };
    const { wardId, fiscalYear, occasionId, dueAt } = job.data;
    const sections = [...this.projections.outstanding(wardId, fiscalYear, now).keys()].sort();
    await this.queue.addBulk(
      sections.map((sectionId) => ({
        name: SEND_JOB,
        data: { wardId, fiscalYear, occasionId, dueAt, sectionId },
        opts: sendJobOptions(occasionId, sectionId, this.tuning),
      })),
    );
    return { outcome: 'due', sections };
  }
}
