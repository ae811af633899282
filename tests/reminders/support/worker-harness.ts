import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { Clock } from '@pdca/kernel';
import { jsonLogger, validateEnvironment } from '@pdca/platform';
import type { ReminderTuning } from '../../../apps/worker/src/reminders/reminder-tuning';
import { ReminderScheduler } from '../../../apps/worker/src/reminders/schedule/reminder-scheduler.service';
import { WorkerModule } from '../../../apps/worker/src/worker.module';
import { waitUntil } from './wait';

export const PLANNING_OFFICE_EMAIL = 'kikaku@city.example.jp';
export const PUBLIC_BASE_URL = 'https://pdca.city.example.jp';

export interface WorkerSetup {
  dir: string;
  clock: Clock;
  queue: string;
  redisUrl: string;
  smtpUrl: string;
  tuning?: Partial<ReminderTuning>;
}

/** The real worker app in the test process, on the API's SQLite file, with the test's clock. */
export class WorkerHarness {
  private stopped?: Promise<void>;

  private constructor(readonly app: INestApplication) {}

  static async start(setup: WorkerSetup): Promise<WorkerHarness> {
    const environment = validateEnvironment(
      {
        DATA_DIR: setup.dir,
        REDIS_URL: setup.redisUrl,
        REMINDER_QUEUE: setup.queue,
        SMTP_URL: setup.smtpUrl,
        PLANNING_OFFICE_EMAIL,
        PUBLIC_BASE_URL,
        MAIL_FROM: '練馬区 企画課 <pdca-noreply@city.example.jp>',
        LOG_LEVEL: 'error',
        // The API's signing key, as in production every appending process reads it: the worker's log links are keyed too.
        ...(existsSync(join(setup.dir, 'transparency-signing-key.pem'))
          ? { TRANSPARENCY_SIGNING_KEY_FILE: join(setup.dir, 'transparency-signing-key.pem') }
          : {}),
      },
      'worker',
    );
    const tuning = { redisWatchMs: 200, backoffMs: 200, sendAttempts: 3, ...setup.tuning };
    const app = await NestFactory.create(
      WorkerModule.forRoot(environment, { clock: setup.clock, tuning }),
      new FastifyAdapter(),
      { logger: jsonLogger((process.env.WORKER_LOG_LEVEL ?? 'error') as 'error', 'worker') },
    );
    await app.init();
    return new WorkerHarness(app);
  }

  /** The schedule reflects every event recorded so far (the worker sees the API's writes by polling). */
  async scheduled(headPosition: () => Promise<number>): Promise<void> {
    const scheduler = this.app.get(ReminderScheduler);
    const head = await headPosition();
    await waitUntil(
      'the scheduler to reach the head of the store',
      () => scheduler.caughtUp && scheduler.position >= head,
      20_000,
    );
  }

  readiness() {
    return request(this.app.getHttpServer()).get('/health/ready');
  }

  stop(): Promise<void> {
    this.stopped ??= this.app.close();
    return this.stopped;
  }
}
