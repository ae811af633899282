import { Inject, Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { RedisWatch } from '../queue/redis-watch.service';
import { REMINDER_QUEUE } from '../queue/reminder-jobs';

/**
 * The position up to which the queue reflects the events, kept in Redis next to the jobs it
 * describes: if Redis loses its data, it loses the checkpoint with it, and the scheduler knows to
 * re-create the schedule from the events. Written after the jobs, so it never claims more than is there.
 */
@Injectable()
export class ScheduleCheckpoint {
  private readonly key: string;

  constructor(
    private readonly watch: RedisWatch,
    @Inject(REMINDER_QUEUE) queue: Queue,
  ) {
    this.key = queue.toKey('scheduler-checkpoint');
  }

  async load(): Promise<number> {
    const value = await this.watch.client.get(this.key);
    return value === null ? 0 : Number(value);
  }

  async save(position: number): Promise<void> {
    await this.watch.client.set(this.key, String(position));
  }
}
