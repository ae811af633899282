import 'reflect-metadata';
import { installGracefulShutdown, jsonLogger, loadEnvironmentOrExit } from '@pdca/platform';
import { createApiApp } from './bootstrap';

async function main(): Promise<void> {
  const environment = loadEnvironmentOrExit('api');
  const app = await createApiApp(environment);
  const logger = jsonLogger(environment.LOG_LEVEL, 'api');
  installGracefulShutdown(app, logger, environment.SHUTDOWN_GRACE_MS);
  await app.listen(environment.PORT, environment.HOST);
  logger.log({ msg: 'listening', port: environment.PORT, eventStore: environment.EVENTSTORE_URL ? 'eventstoredb' : 'sqlite' });
}

void main();
