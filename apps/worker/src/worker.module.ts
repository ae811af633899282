import { DynamicModule, Module } from '@nestjs/common';
import { Environment, EnvironmentModule, EventStoreModule, HealthModule, ServeAfterInit } from '@pdca/platform';
import { RemindersModule, RemindersOptions } from './reminders/reminders.module';

export type WorkerOptions = RemindersOptions;

/** Background work driven by event-store subscriptions and BullMQ (reminders). */
@Module({})
export class WorkerModule {
  static forRoot(environment: Environment, options: WorkerOptions = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        EnvironmentModule.forRoot(environment),
        EventStoreModule,
        HealthModule,
        RemindersModule.forRoot(environment, options),
      ],
      providers: [ServeAfterInit],
    };
  }
}
