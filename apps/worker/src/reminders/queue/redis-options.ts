import type { ConnectionOptions } from 'bullmq';
import type { Environment } from '@pdca/platform';

/**
 * Reconnect quickly and forever: BullMQ's default backs off to 20 s between attempts, which
 * would leave reminders waiting long after Redis is back.
 */
export const reconnectSoon = (attempt: number) => Math.min(250 * attempt, 2_000);

/** ioredis waits this long for a closing socket before destroying it; 2 s by default, which delays shutdown. */
export const DISCONNECT_TIMEOUT_MS = 500;

/** The queue (producer) connection: commands wait a few reconnects, then fail so callers retry with fresh state. */
export const queueConnection = (environment: Environment): ConnectionOptions => ({
  url: environment.REDIS_URL,
  retryStrategy: reconnectSoon,
  maxRetriesPerRequest: 3,
  disconnectTimeout: DISCONNECT_TIMEOUT_MS,
});

/** BullMQ workers block on Redis: they need maxRetriesPerRequest null, or they stop on the first outage. */
export const workerConnection = (environment: Environment): ConnectionOptions => ({
  url: environment.REDIS_URL,
  retryStrategy: reconnectSoon,
  maxRetriesPerRequest: null,
  disconnectTimeout: DISCONNECT_TIMEOUT_MS,
});
