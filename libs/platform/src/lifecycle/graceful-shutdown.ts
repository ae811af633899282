import type { INestApplication, LoggerService } from '@nestjs/common';
import type { Server } from 'node:http';

/**
 * SIGTERM/SIGINT: stop accepting connections, let in-flight requests finish (bounded by
 * the grace period), then close the app so subscriptions stop and the store flushes last.
 */
export function installGracefulShutdown(app: INestApplication, logger: LoggerService, graceMs: number): void {
  const server = app.getHttpServer() as Server;
  let inFlight = 0;
  server.on('request', (_request, response) => {
    inFlight++;
    response.on('close', () => inFlight--);
  });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log({ msg: 'shutting down', signal, inFlight }, 'Lifecycle');
    server.close();
    server.closeIdleConnections();
    const deadline = Date.now() + graceMs;
    while (inFlight > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    server.closeAllConnections();
    await app.close();
    logger.log({ msg: 'stopped', signal, abandonedRequests: inFlight }, 'Lifecycle');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}
