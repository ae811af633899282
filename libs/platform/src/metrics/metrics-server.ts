import { createServer, Server } from 'node:http';

/** A process's registry, or what stands for several processes' (the API's cluster primary). */
export interface MetricsSource {
  registry: { metrics(): Promise<string>; readonly contentType: string };
}

/**
 * /metrics on its own listener, not on the API's port: the reverse proxy publishes only PORT, so
 * the figures (command volumes of a ward office) never reach the public; Prometheus needs no
 * credential; a scrape passes none of the API's middleware (logging, auth, throttling); and the
 * worker, which has no users, serves it the same way.
 */
export function serveMetrics(metrics: MetricsSource, port: number, host: string): Promise<Server> {
  const server = createServer((request, response) => {
    if (request.method !== 'GET' || (request.url ?? '').split('?')[0] !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found: GET /metrics\n');
      return;
    }
    metrics.registry.metrics().then(
      (text) => response.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
      (error: Error) =>
        response.writeHead(500, { 'content-type': 'text/plain' }).end(`metrics failed: ${error.message}\n`),
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new Error(
          `METRICS_PORT ${port} on ${host}: ${error.code ?? error.message} (set another METRICS_PORT, or 0 to turn metrics off)`,
        ),
      ),
    );
    server.listen(port, host, () => resolve(server.unref()));
  });
}
