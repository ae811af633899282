import type { Provider } from '@nestjs/common';
import { READINESS_CHECKS, ReadinessCheck } from '@pdca/platform';
import { WorkerProjections } from '../projections/worker-projections.service';
import { RedisWatch } from '../queue/redis-watch.service';
import { ReminderWorkers } from '../queue/reminder-workers.service';
import { ReminderScheduler } from '../schedule/reminder-scheduler.service';

const status = (up: boolean) => (up ? 'up' : 'down');

/** Unlike the API, the worker is only ready with Redis: without it no reminder can be scheduled or sent. */
export const reminderReadiness: Provider = {
  provide: READINESS_CHECKS,
  inject: [RedisWatch, ReminderWorkers, ReminderScheduler, WorkerProjections],
  useFactory: (
    watch: RedisWatch,
    workers: ReminderWorkers,
    scheduler: ReminderScheduler,
    projections: WorkerProjections,
  ): ReadinessCheck[] => [
    async () => ({
      reminderQueue: {
        status: status(watch.reachable && workers.running),
        redisReachable: watch.reachable,
        workerRunning: workers.running,
      },
    }),
    async () => ({ reminderSchedule: { status: status(scheduler.caughtUp) } }),
    async () => ({ projections: { status: status(projections.caughtUp), position: projections.position } }),
  ],
};
