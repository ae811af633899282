import { Inject, Injectable } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { CLOCK } from '@pdca/kernel';
import type { Clock } from '@pdca/kernel';
import { judgeJob, postpone } from '../occasion-verdict';
import { WorkerProjections } from '../projections/worker-projections.service';
import { OccasionJobData, REMINDER_QUEUE, ReminderJobData, sendGroupJobs } from '../queue/reminder-jobs';
import { REMINDER_TUNING, ReminderTuning } from '../reminder-tuning';

export type FireResult = { outcome: 'not_scheduled' | 'superseded' } | { outcome: 'due'; sections: string[] };

/**
 * An occasion is due: the sections that still owe something go out in send jobs of a group of
 * sections each; a section's failure is retried without repeating the others of its group (the
 * ledger knows who has had theirs). Sections that submitted everything are in no job.
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
    await this.queue.addBulk(sendGroupJobs({ wardId, fiscalYear, occasionId, dueAt }, sections, this.tuning));
    return { outcome: 'due', sections };
  }
}
