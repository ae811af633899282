import cluster, { Worker } from 'node:cluster';
import type { LoggerService } from '@nestjs/common';
import { AggregatorRegistry } from 'prom-client';
import { processMetrics, serveMetrics } from '@pdca/platform';
import type { Environment } from '@pdca/platform';

/** Which of the API processes this one is (1…API_PROCESSES), passed by the primary to each it forks. */
const INDEX_VARIABLE = 'PDCA_API_PROCESS_INDEX';

export const apiProcessIndex = (): number => Number(process.env[INDEX_VARIABLE] ?? 1);

/**
 * The primary of API_PROCESSES > 1 (node:cluster): it serves no request itself. It forks the API
 * processes, which share PORT (the primary hands each new connection to the next process in turn),
 * each a whole API on the one store as README "Several API processes" describes. It serves their
 * metrics as one Prometheus target (counters and histograms summed), passes SIGTERM/SIGINT on and
 * exits when all have stopped. A process that fails before it listens stops them all (a wrong
 * setting would only fail again); one that dies later is replaced.
 */
export async function runPrimary(environment: Environment, logger: LoggerService): Promise<void> {
  const listening = new Set<number>();
  let stopping = false;
  let exitCode = 0;
  const fork = (index: number) => {
    const worker = cluster.fork({ [INDEX_VARIABLE]: String(index) });
    worker.once('listening', () => listening.add(index));
    worker.once('exit', (code, signal) => exited(worker, index, code ?? (signal ? 1 : 0)));
  };
  const stopAll = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {}))
      if (worker && !worker.isDead()) worker.process.kill('SIGTERM'); // its own graceful shutdown, not cluster's disconnect
    // The processes drain within SHUTDOWN_GRACE_MS; a stuck one is not waited for much longer.
    setTimeout(() => process.exit(exitCode || 1), environment.SHUTDOWN_GRACE_MS + 5_000).unref();
  };
  const exited = (worker: Worker, index: number, code: number) => {
    if (!stopping && listening.has(index)) {
      logger.error({ msg: 'API process died; starting another', index, pid: worker.process.pid, code });
      listening.delete(index);
      return fork(index);
    }
    if (!stopping) {
      exitCode = code || 1;
      logger.error({ msg: 'API process failed to start; stopping the others', index, code });
      stopAll();
    }
    if (Object.values(cluster.workers ?? {}).every((other) => !other || other.isDead())) process.exit(exitCode);
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, stopAll);
  // Before the processes: a metrics port already in use stops the start, visibly.
  if (environment.METRICS_PORT !== 0) {
    const aggregated = new AggregatorRegistry();
    const registry = { metrics: () => aggregated.clusterMetrics(), contentType: aggregated.contentType };
    await serveMetrics({ registry }, environment.METRICS_PORT, environment.METRICS_HOST);
  }
  for (let index = 1; index <= environment.API_PROCESSES; index++) fork(index);
  logger.log({ msg: 'API processes started', processes: environment.API_PROCESSES, port: environment.PORT });
}

/** In a forked API process: answer the primary's metrics requests from this process's registry. */
export function answerMetricsOfCluster(): void {
  AggregatorRegistry.setRegistries([processMetrics().registry]);
  new AggregatorRegistry(); // its constructor installs the listener for the primary's requests
}
