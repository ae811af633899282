import 'reflect-metadata';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { validateEnvironment as ValidateEnvironment } from '@pdca/platform';
import type { ReminderScheduler as Scheduler } from '../../../apps/worker/src/reminders/schedule/reminder-scheduler.service';
import type { WorkerModule as Module } from '../../../apps/worker/src/worker.module';

/**
 * The compiled worker (`nest build worker`, as `npm run start:worker` runs it), not the TypeScript source; WORKER_SOURCE=1
 * loads the source instead (the worker crash test). Both trees have the same layout below their root.
 */
const BASE = process.env.WORKER_SOURCE === '1' ? join(__dirname, '../../..') : join(__dirname, '../../../dist/apps/worker');
// The worker is loaded by path at run time (only its types are imported above).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
const { validateEnvironment } = require(join(BASE, 'libs/platform/src')) as { validateEnvironment: typeof ValidateEnvironment };
// eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
const { ReminderScheduler } = require(join(BASE, 'apps/worker/src/reminders/schedule/reminder-scheduler.service')) as { ReminderScheduler: typeof Scheduler };
// eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
const { WorkerModule } = require(join(BASE, 'apps/worker/src/worker.module')) as { WorkerModule: typeof Module };

/**
 * Child process of scenario 4 (and of tests/reminders/worker-crash.test.ts): the real worker module (production tuning, compiled) on the bench's SQLite file,
 * Redis and SMTP server, with a clock the bench sets over IPC — reminders fall due on the bench's
 * say-so instead of after real days. Answers { caughtUp, position } to 'status'.
 */
async function main(): Promise<void> {
  let now = new Date(process.env.BENCH_CLOCK ?? Date.now());
  const clock = { now: () => new Date(now) };
  const environment = validateEnvironment(process.env, 'worker');
  const app = await NestFactory.create(WorkerModule.forRoot(environment, { clock }), new FastifyAdapter(), { logger: ['error'] });
  await app.init();
  const scheduler = app.get(ReminderScheduler);
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- a failed close ends this child, which the bench reports
  process.on('message', async (message: { type: string; at?: string }) => {
    if (message.type === 'clock') now = new Date(message.at!);
    if (message.type === 'status') process.send!({ type: 'status', caughtUp: scheduler.caughtUp, position: scheduler.position });
    if (message.type === 'stop') {
      await app.close();
      process.exit(0);
    }
  });
  process.send!({ type: 'started' });
}

void main();
