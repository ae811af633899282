import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Environment, jsonLogger } from '@pdca/platform';
import { AppModule } from './app.module';

/** Builds the HTTP app; shared by main.ts and the e2e tests so both run the same wiring. */
export async function createApiApp(environment: Environment): Promise<NestExpressApplication> {
  const logger = jsonLogger(environment.LOG_LEVEL, 'api');
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(environment), { logger, bodyParser: false });
  app.useBodyParser('json', { limit: '1mb' });
  app.disable('x-powered-by');
  return app;
}
