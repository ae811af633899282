import 'reflect-metadata';
import {
  installGracefulShutdown,
  jsonLogger,
  loadEnvironmentOrExit,
  processMetrics,
  serveMetrics,
} from '@pdca/platform';
import { createApiApp } from './bootstrap';

async function main(): Promise<void> {
  const environment = loadEnvironmentOrExit('api');
  const app = await createApiApp(environment);
  const logger = jsonLogger(environment.LOG_LEVEL, 'api');
  installGracefulShutdown(app, logger, environment.SHUTDOWN_GRACE_MS);
  // Before the API's port: a metrics port already in use stops the start, visibly.
  if (environment.METRICS_PORT !== 0)
    await serveMetrics(processMetrics(), environment.METRICS_PORT, environment.METRICS_HOST);
  await app.listen(environment.PORT, environment.HOST);
  logger.log({
    msg: 'listening',
    port: environment.PORT,
    metricsPort: environment.METRICS_PORT || 'off',
    eventStore: environment.EVENTSTORE_URL ? 'eventstoredb' : 'sqlite',
  });
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
