// First: a Node too old for the SQLite driver stops here with a reason (see the module).
import '@pdca/platform/runtime/require-supported-node';
import 'reflect-metadata';
import cluster from 'node:cluster';
import {
  installGracefulShutdown,
  jsonLogger,
  loadEnvironmentOrExit,
  processMetrics,
  serveMetrics,
} from '@pdca/platform';
import type { Environment } from '@pdca/platform';
import { answerMetricsOfCluster, apiProcessIndex, runPrimary } from './api-processes';

async function main(): Promise<void> {
  const environment = loadEnvironmentOrExit('api');
  if (environment.API_PROCESSES > 1 && cluster.isPrimary)
    return runPrimary(environment, jsonLogger(environment.LOG_LEVEL, 'api'));
  return serveApi(environment);
}

async function serveApi(environment: Environment): Promise<void> {
  // Loaded here, not at the top: a cluster's primary serves no request and need not hold the app's modules.
  const { createApiApp } = await import('./bootstrap');
  const app = await createApiApp(environment);
  const logger = jsonLogger(environment.LOG_LEVEL, 'api');
  installGracefulShutdown(app, logger, environment.SHUTDOWN_GRACE_MS);
  // Before the API's port: a metrics port already in use stops the start, visibly. In a cluster the primary serves them.
  if (cluster.isWorker) answerMetricsOfCluster();
  else if (environment.METRICS_PORT !== 0)
    await serveMetrics(processMetrics(), environment.METRICS_PORT, environment.METRICS_HOST);
  await app.listen(environment.PORT, environment.HOST);
  logger.log({
    msg: 'listening',
    port: environment.PORT,
    metricsPort: environment.METRICS_PORT || 'off',
    eventStore: environment.EVENTSTORE_URL ? 'eventstoredb' : 'sqlite',
    ...(cluster.isWorker ? { process: apiProcessIndex(), of: environment.API_PROCESSES } : {}),
  });
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
