import { Job, Queue } from 'bullmq';
import Redis from 'ioredis';
import type { Clock } from '@pdca/kernel';
import { waitUntil } from './wait';

type Data = { dueAt?: string; occasionId?: string; sectionId?: string };

/**
 * The test's own handle on the reminder queue: it outlives worker restarts, fires what the
 * controllable clock says is due (promoting delayed jobs — nobody sleeps for days) and waits
 * until the worker has nothing left to do.
 */
export class QueueProbe {
  readonly queue: Queue<Data>;

  constructor(
    readonly name: string,
    private readonly redisUrl: string,
  ) {
    this.queue = new Queue<Data>(name, {
      connection: { url: redisUrl, maxRetriesPerRequest: 1, retryStrategy: (n: number) => Math.min(n * 200, 1_000) },
    });
    this.queue.on('error', () => undefined);
  }

  async delayedIds(): Promise<string[]> {
    return (await this.queue.getJobs(['delayed']))
      .filter(Boolean)
      .map((job) => job.id!)
      .sort();
  }

  async jobs(state: 'completed' | 'failed' | 'delayed' | 'waiting'): Promise<Job<Data>[]> {
    return (await this.queue.getJobs([state])).filter(Boolean);
  }

  /** Promotes every delayed job whose occasion is due by the clock; returns their ids. */
  async promoteDue(clock: Clock): Promise<string[]> {
    const due = (await this.jobs('delayed')).filter(
      (job) => job.data.dueAt && Date.parse(job.data.dueAt) <= clock.now().getTime(),
    );
    for (const job of due) await job.promote();
    return due.map((job) => job.id!);
  }

  /** Nothing waiting or running: every fired occasion has fanned out and every e-mail was handled. */
  async settled(timeoutMs = 30_000): Promise<void> {
    let quietLooks = 0;
    await waitUntil(
      'the reminder queue to settle',
      async () => {
        const counts = await this.queue.getJobCounts('waiting', 'active', 'prioritized', 'waiting-children');
        quietLooks = Object.values(counts).every((n) => n === 0) ? quietLooks + 1 : 0;
        return quietLooks >= 3;
      },
      timeoutMs,
      100,
    );
  }

  /** Every key of this queue, the scheduler's checkpoint included: what a Redis without persistence loses on restart. */
  async wipe(): Promise<void> {
    const redis = new Redis(this.redisUrl, { maxRetriesPerRequest: 1 });
    try {
      const keys = await redis.keys(`bull:${this.name}:*`);
      if (keys.length > 0) await redis.del(...keys);
    } finally {
      redis.disconnect();
    }
  }

  async close(): Promise<void> {
    await this.queue.close().catch(() => undefined);
    await this.wipe().catch(() => undefined);
  }
}
