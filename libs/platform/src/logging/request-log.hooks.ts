import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    /** From X-Correlation-Id when well-formed, else a new one; it also travels into event metadata. */
    correlationId: string;
  }
}

/**
 * One structured line per request with its correlation id. Two Fastify hooks added first (not a
 * Nest middleware with a route pattern): they time every request, body-parser failures and 404s
 * included, and cost no route matching.
 */
export function registerRequestLog(app: FastifyInstance): void {
  const logger = new Logger('http');
  app.decorateRequest('correlationId', '');
  app.addHook('onRequest', (request, reply, done) => {
    const header = request.headers['x-correlation-id'];
    request.correlationId = typeof header === 'string' && /^[\w.:-]{1,100}$/.test(header) ? header : randomUUID();
    reply.header('x-correlation-id', request.correlationId);
    done();
  });
  app.addHook('onResponse', (request, reply, done) => {
    const line = {
      method: request.method,
      path: request.url.split('?')[0],
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 10) / 10,
      correlationId: request.correlationId,
    };
    if (reply.statusCode >= 500) logger.error(line);
    else logger.debug(line);
    done();
  });
}
