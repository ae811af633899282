import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { processMetrics, ReminderJobsProbe } from '@pdca/platform';
import { RedisWatch } from './redis-watch.service';
import { REMINDER_QUEUE } from './reminder-jobs';

/** A scrape never waits on Redis for longer than this. */
const COUNT_TIMEOUT_MS = 1_000;

/** pdca_reminder_jobs{state}: read from the queue when Prometheus scrapes. */
@Injectable()
export class ReminderQueueMetrics implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly probe: ReminderJobsProbe;

  constructor(@Inject(REMINDER_QUEUE) queue: Queue, watch: RedisWatch) {
    this.probe = {
      counts: async () => {
        if (!watch.reachable) throw new Error('Redis unreachable');
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<never>(
          (_, reject) => (timer = setTimeout(() => reject(new Error('Redis slow')), COUNT_TIMEOUT_MS)),
        );
        try {
          const counts = await Promise.race([queue.getJobCounts('waiting', 'delayed', 'failed'), timeout]);
          return { waiting: counts.waiting ?? 0, delayed: counts.delayed ?? 0, failed: counts.failed ?? 0 };
        } finally {
          clearTimeout(timer);
        }
      },
    };
  }

  onApplicationBootstrap(): void {
    processMetrics().reminderJobs = this.probe;
  }

  onApplicationShutdown(): void {
    const metrics = processMetrics();
    if (metrics.reminderJobs === this.probe) metrics.reminderJobs = undefined;
  }
}
