import { DynamicModule, MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { Environment, EnvironmentModule, EventStoreModule, HealthModule, RequestLogMiddleware } from '@pdca/platform';

@Module({})
export class AppModule implements NestModule {
  static forRoot(environment: Environment): DynamicModule {
    return {
      module: AppModule,
      imports: [EnvironmentModule.forRoot(environment), EventStoreModule, HealthModule],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestLogMiddleware).forRoutes('*path');
  }
}
