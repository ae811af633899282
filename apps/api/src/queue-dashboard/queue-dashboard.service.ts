import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Queue } from 'bullmq';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { Environment, RedisHealthIndicator } from '@pdca/platform';
import { DASHBOARD_PATH } from './dashboard-auth';
import { withoutOutsideFonts } from './without-outside-fonts';

/**
 * Bull Board over the reminder queue, read-only: the queue is derived from the events (the
 * worker rebuilds it), so emptying or editing it by hand would only desynchronise it; failures are
 * in the reminder ledger. Nothing touches Redis until the first authorised request, and while
 * Redis is down the dashboard answers 503 at once instead of hanging — the API itself never waits.
 */
@Injectable()
export class QueueDashboard implements OnModuleDestroy {
  private readonly logger = new Logger('QueueDashboard');
  private queue?: Queue;
  private router?: RequestHandler;

  constructor(private readonly environment: Environment, private readonly redis: RedisHealthIndicator) {}

  readonly handle = async (request: Request, response: Response, next: NextFunction): Promise<void> => {
    const health = await this.redis.check();
    if (health.redis.status !== 'up') {
      response.status(503).json({
        statusCode: 503, code: 'QUEUE_UNAVAILABLE',
        message: { ja: '督促キュー（Redis）に接続できません。しばらくしてから再度お試しください。', en: 'The reminder queue (Redis) is unreachable; try again shortly.' },
      });
      return;
    }
    this.board()(request, response, next);
  };

  async onModuleDestroy(): Promise<void> {
    await this.queue?.close().catch(() => undefined);
  }

  private board(): RequestHandler {
    if (this.router) return this.router;
    this.queue = new Queue(this.environment.REMINDER_QUEUE, {
      connection: { url: this.environment.REDIS_URL, maxRetriesPerRequest: 1, retryStrategy: (attempt: number) => Math.min(attempt * 500, 5_000) },
    });
    this.queue.on('error', (error) => this.logger.debug({ msg: 'dashboard queue error', error: error.message }));
    const serverAdapter = new ExpressAdapter().setBasePath(DASHBOARD_PATH);
    createBullBoard({
      queues: [new BullMQAdapter(this.queue, { readOnlyMode: true, displayName: '督促（reminders）' })],
      serverAdapter,
      options: { uiConfig: { boardTitle: 'PDCA 督促キュー' } },
    });
    this.router = withoutOutsideFonts(serverAdapter.getRouter() as RequestHandler);
    return this.router;
  }
}
