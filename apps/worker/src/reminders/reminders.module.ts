import { DynamicModule, Global, Module } from '@nestjs/common';
import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { CLOCK, systemClock } from '@pdca/kernel';
import type { Clock } from '@pdca/kernel';
import { Environment, READINESS_CHECKS } from '@pdca/platform';
import { FireOccasion } from './fire-occasion/fire-occasion.processor';
import { reminderReadiness } from './health/reminder-readiness';
import { ReminderMailer } from './mail/reminder-mailer.service';
import { FireOneOff } from './one-off/fire-one-off.processor';
import { OneOffRequests } from './one-off/one-off-requests.service';
import { WorkerProjections } from './projections/worker-projections.service';
import { queueConnection } from './queue/redis-options';
import { RedisWatch } from './queue/redis-watch.service';
import { ReminderQueueMetrics } from './queue/reminder-queue-metrics';
import { REMINDER_QUEUE } from './queue/reminder-jobs';
import { ReminderWorkers } from './queue/reminder-workers.service';
import { DEFAULT_TUNING, REMINDER_TUNING, ReminderTuning } from './reminder-tuning';
import { QueuePlan } from './schedule/queue-plan';
import { ReminderScheduler } from './schedule/reminder-scheduler.service';
import { ScheduleCheckpoint } from './schedule/schedule-checkpoint';
import { ReminderRecorder } from './send-reminder/reminder-recorder';
import { SectionSend } from './send-reminder/section-send';
import { SendReminder } from './send-reminder/send-reminder.processor';

export interface RemindersOptions {
  /** Tests pass a controllable clock: schedule delays and "is it due" are judged by it. */
  clock?: Clock;
  tuning?: Partial<ReminderTuning>;
}

/** Reminders to late sections: scheduling from events, BullMQ jobs, e-mail, and the ledger in the event store. */
@Global()
@Module({})
export class RemindersModule {
  static forRoot(environment: Environment, options: RemindersOptions = {}): DynamicModule {
    return {
      module: RemindersModule,
      imports: [
        BullModule.forRoot({ connection: queueConnection(environment) }),
        BullModule.registerQueue({ name: environment.REMINDER_QUEUE }),
      ],
      providers: [
        { provide: CLOCK, useValue: options.clock ?? systemClock },
        {
          provide: REMINDER_TUNING,
          useValue: { ...DEFAULT_TUNING, concurrency: environment.REMINDER_CONCURRENCY, ...options.tuning },
        },
        { provide: REMINDER_QUEUE, useExisting: getQueueToken(environment.REMINDER_QUEUE) },
        RedisWatch,
        WorkerProjections,
        ScheduleCheckpoint,
        QueuePlan,
        ReminderScheduler,
        ReminderMailer,
        ReminderRecorder,
        OneOffRequests,
        FireOccasion,
        FireOneOff,
        SectionSend,
        SendReminder,
        ReminderWorkers,
        reminderReadiness,
        ReminderQueueMetrics,
      ],
      exports: [READINESS_CHECKS, REMINDER_QUEUE, CLOCK],
    };
  }
}
