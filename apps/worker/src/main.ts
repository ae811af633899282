// First: a Node too old for the SQLite driver stops here with a reason (see the module).
import '@pdca/platform/runtime/require-supported-node';
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import {
  installGracefulShutdown,
  jsonLogger,
  loadEnvironmentOrExit,
  processMetrics,
  serveMetrics,
} from '@pdca/platform';
import { WorkerModule } from './worker.module';

/** The worker serves only /health on WORKER_PORT (on Fastify, as the API); its real work runs off subscriptions and queues. */
async function main(): Promise<void> {
  const environment = loadEnvironmentOrExit('worker');
  const logger = jsonLogger(environment.LOG_LEVEL, 'worker');
  const app = await NestFactory.create(WorkerModule.forRoot(environment), new FastifyAdapter(), { logger });
  installGracefulShutdown(app, logger, environment.SHUTDOWN_GRACE_MS);
  if (environment.WORKER_METRICS_PORT !== 0)
    await serveMetrics(processMetrics(), environment.WORKER_METRICS_PORT, environment.METRICS_HOST);
  await app.listen(environment.WORKER_PORT, environment.HOST);
  logger.log({
    msg: 'worker started',
    healthPort: environment.WORKER_PORT,
    metricsPort: environment.WORKER_METRICS_PORT || 'off',
  });
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
