import { DynamicModule, Module } from '@nestjs/common';
import { Environment, EnvironmentModule, EventStoreModule, HealthModule } from '@pdca/platform';

/** Background work driven by event-store subscriptions and BullMQ (reminders). */
@Module({})
export class WorkerModule {
  static forRoot(environment: Environment): DynamicModule {
    return {
      module: WorkerModule,
      imports: [EnvironmentModule.forRoot(environment), EventStoreModule, HealthModule],
    };
  }
}
