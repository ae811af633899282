import { DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { Environment } from './environment';

/** Makes the validated Environment injectable everywhere, and ConfigService for libraries that want it. */
@Global()
@Module({})
export class EnvironmentModule {
  static forRoot(environment: Environment): DynamicModule {
    return {
      module: EnvironmentModule,
      imports: [ConfigModule.forRoot({ ignoreEnvFile: true, load: [() => ({ ...environment })] })],
      providers: [{ provide: Environment, useValue: environment }],
      exports: [Environment, ConfigModule],
    };
  }
}
