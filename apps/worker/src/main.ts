import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { installGracefulShutdown, jsonLogger, loadEnvironmentOrExit } from '@pdca/platform';
import { WorkerModule } from './worker.module';

/** The worker serves only /health on WORKER_PORT; its real work runs off subscriptions and queues. */
async function main(): Promise<void> {
  const environment = loadEnvironmentOrExit('worker');
  const logger = jsonLogger(environment.LOG_LEVEL, 'worker');
  const app = await NestFactory.create(WorkerModule.forRoot(environment), { logger });
  installGracefulShutdown(app, logger, environment.SHUTDOWN_GRACE_MS);
  await app.listen(environment.WORKER_PORT, environment.HOST);
  logger.log({ msg: 'worker started', healthPort: environment.WORKER_PORT });
}

void main();
