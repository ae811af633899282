import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import Redis from 'ioredis';
import { Environment } from '../config/environment';

/**
 * PINGs Redis on a dedicated, non-queuing connection so a dead Redis answers fast (a PING while not
 * connected fails at once, whatever the connect timeout). The connect timeout is generous because the
 * event loop is busy for a while at start; a first check waits for the first attempt, at most 1 s.
 */
@Injectable()
export class RedisHealthIndicator implements OnModuleDestroy {
  private readonly redis: Redis;
  private readonly firstConnect: Promise<void>;

  constructor(
    environment: Environment,
    private readonly indicators: HealthIndicatorService,
  ) {
    this.redis = new Redis(environment.REDIS_URL, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: 5_000,
      retryStrategy: (attempt) => Math.min(attempt * 500, 5_000),
    });
    this.redis.on('error', () => undefined); // reported through the health check, not the log
    this.firstConnect = this.redis.connect().catch(() => undefined);
  }

  async check(key = 'redis') {
    const indicator = this.indicators.check(key);
    try {
      await Promise.race([this.firstConnect, new Promise((resolve) => setTimeout(resolve, 1_000).unref())]);
      await this.redis.ping();
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }
}
