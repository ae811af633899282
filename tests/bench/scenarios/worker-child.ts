import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { validateEnvironment } from '@pdca/platform';
import { ReminderScheduler } from '../../../apps/worker/src/reminders/schedule/reminder-scheduler.service';
import { WorkerModule } from '../../../apps/worker/src/worker.module';

/**
 * Child process of scenario 4: the real worker module (production tuning) on the bench's SQLite file,
 * Redis and SMTP server, with a clock the bench sets over IPC — reminders fall due on the bench's
 * say-so instead of after real days. Answers { caughtUp, position } to 'status'.
 */
async function main(): Promise<void> {
  let now = new Date(process.env.BENCH_CLOCK ?? Date.now());
  const clock = { now: () => new Date(now) };
  const environment = validateEnvironment(process.env, 'worker');
  const app = await NestFactory.create(WorkerModule.forRoot(environment, { clock }), { logger: ['error'] });
  await app.init();
  const scheduler = app.get(ReminderScheduler);
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
