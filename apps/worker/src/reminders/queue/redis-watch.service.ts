import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { Environment } from '@pdca/platform';
import { REMINDER_TUNING, ReminderTuning } from '../reminder-tuning';
import { DISCONNECT_TIMEOUT_MS } from './redis-options';

export type RedisListener = (look: { restarted: boolean }) => Promise<void>;

/**
 * Looks at Redis every second on its own small connection (no offline queue, so a dead Redis
 * answers at once): whether it is reachable, and whether it is a new server instance (its
 * run_id changed) — after a restart BullMQ workers may never resume on their own, and a Redis
 * without persistence has forgotten every job. Listeners hear about each successful look; a
 * restart is repeated to them until they all handled it.
 */
@Injectable()
export class RedisWatch implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('RedisWatch');
  private readonly redis: Redis;
  private readonly listeners: RedisListener[] = [];
  private timer?: NodeJS.Timeout;
  private runId?: string;
  private restartPending = false;
  private looking = false;
  reachable = false;

  constructor(
    environment: Environment,
    @Inject(REMINDER_TUNING) private readonly tuning: ReminderTuning,
  ) {
    this.redis = new Redis(environment.REDIS_URL, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: 1_000,
      disconnectTimeout: DISCONNECT_TIMEOUT_MS,
      retryStrategy: (n) => Math.min(250 * n, 1_000),
    });
    this.redis.on('error', () => undefined); // reported as reachable/unreachable transitions below
  }

  onLook(listener: RedisListener): void {
    this.listeners.push(listener);
  }

  /** Small reads and writes that must fail fast rather than queue (the scheduler's checkpoint). */
  get client(): Redis {
    return this.redis;
  }

  onApplicationBootstrap(): void {
    this.redis.connect().catch(() => undefined);
    this.timer = setInterval(() => void this.look(), this.tuning.redisWatchMs);
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
    this.redis.disconnect();
  }

  private async look(): Promise<void> {
    if (this.looking) return;
    this.looking = true;
    try {
      if (await this.observe()) await this.tell();
    } finally {
      this.looking = false;
    }
  }

  /** True when Redis answered. */
  private async observe(): Promise<boolean> {
    try {
      const runId = /run_id:(\w+)/.exec(await this.redis.info('server'))?.[1];
      if (!this.reachable) this.logger.log({ msg: 'redis reachable', runId });
      if (this.runId !== undefined && runId !== this.runId) {
        this.logger.warn({ msg: 'redis restarted', previousRunId: this.runId, runId });
        this.restartPending = true;
      }
      this.reachable = true;
      this.runId = runId;
      return true;
    } catch (error) {
      if (this.reachable)
        this.logger.warn({ msg: 'redis unreachable; reminders wait', error: (error as Error).message });
      this.reachable = false;
      return false;
    }
  }

  private async tell(): Promise<void> {
    let handled = true;
    for (const listener of this.listeners) {
      try {
        await listener({ restarted: this.restartPending });
      } catch (error) {
        handled = false;
        this.logger.warn({
          msg: 'redis listener failed; tried again on the next look',
          error: (error as Error).message,
        });
      }
    }
    if (handled) this.restartPending = false;
  }
}
