import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { Queue } from 'bullmq';
import type { FastifyPluginCallback, FastifyReply } from 'fastify';
import { Environment, RedisHealthIndicator } from '@pdca/platform';
import { DASHBOARD_PATH } from './dashboard-auth';

/**
 * Bull Board over the reminder queue, read-only: the queue is derived from the events (the
 * worker rebuilds it), so emptying or editing it by hand would only desynchronise it; failures are
 * in the reminder ledger. The board's routes exist from the start (Fastify adds no route once
 * ready) but with no queue: nothing touches Redis until the first authorised request, and while
 * Redis is down the dashboard answers 503 within about a second instead of hanging — the API itself never waits.
 */
@Injectable()
export class QueueDashboard implements OnModuleDestroy {
  private readonly logger = new Logger('QueueDashboard');
  private readonly serverAdapter = new FastifyAdapter().setBasePath(DASHBOARD_PATH);
  private readonly board = createBullBoard({
    queues: [],
    serverAdapter: this.serverAdapter,
    options: { uiConfig: { boardTitle: 'PDCA 督促キュー' } },
  });
  private queue?: Queue;

  constructor(
    private readonly environment: Environment,
    private readonly redis: RedisHealthIndicator,
  ) {}

  /** Bull Board's own Fastify plugin (its pages, assets and JSON API). */
  plugin(): FastifyPluginCallback {
    return this.serverAdapter.registerPlugin();
  }

  /** An onRequest hook after the authentication: 503 while Redis is down, else the queue on the board. */
  readonly requireQueue = async (_request: unknown, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    if (!(await this.redisUp())) {
      return reply.status(503).send({
        statusCode: 503,
        code: 'QUEUE_UNAVAILABLE',
        message: {
          ja: '督促キュー（Redis）に接続できません。しばらくしてから再度お試しください。',
          en: 'The reminder queue (Redis) is unreachable; try again shortly.',
        },
      });
    }
    if (!this.queue)
      this.board.addQueue(
        new BullMQAdapter(this.openQueue(), { readOnlyMode: true, displayName: '督促（reminders）' }),
      );
    return undefined;
  };

  /**
   * Up, or down in three checks 0.5 s apart: a connection still being made on a busy host failed a
   * single check (CI, 7 Dec), while a Redis that refuses connections still gets its 503 within ~1 s.
   */
  private async redisUp(): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      if ((await this.redis.check()).redis.status === 'up') return true;
      if (attempt === 3) return false;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.queue?.close().catch(() => undefined);
  }

  private openQueue(): Queue {
    this.queue = new Queue(this.environment.REMINDER_QUEUE, {
      connection: {
        url: this.environment.REDIS_URL,
        maxRetriesPerRequest: 1,
        retryStrategy: (attempt: number) => Math.min(attempt * 500, 5_000),
      },
    });
    this.queue.on('error', (error) => this.logger.debug({ msg: 'dashboard queue error', error: error.message }));
    return this.queue;
  }
}
