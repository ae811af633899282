import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * One structured line per request with its correlation id, which also travels into event metadata.
 * A plain Express handler mounted first (not a Nest middleware with a route pattern): it times every
 * request, body-parser failures included, and costs no route matching.
 */
export function requestLog(): RequestHandler {
  const logger = new Logger('http');
  return (request: Request, response: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    const header = request.headers['x-correlation-id'];
    const correlationId = typeof header === 'string' && /^[\w.:-]{1,100}$/.test(header) ? header : randomUUID();
    (request as Request & { correlationId: string }).correlationId = correlationId;
    response.setHeader('x-correlation-id', correlationId);
    response.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const line = { method: request.method, path: request.originalUrl.split('?')[0], status: response.statusCode, ms: Math.round(ms * 10) / 10, correlationId };
      if (response.statusCode >= 500) logger.error(line);
      else logger.debug(line);
    });
    next();
  };
}
