import { Injectable, Logger, NestMiddleware } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

/** One structured line per request with its correlation id, which also travels into event metadata. */
@Injectable()
export class RequestLogMiddleware implements NestMiddleware {
  private readonly logger = new Logger('http');

  use(request: Request, response: Response, next: NextFunction): void {
    const started = process.hrtime.bigint();
    const header = request.header('x-correlation-id');
    const correlationId = header && /^[\w.:-]{1,100}$/.test(header) ? header : randomUUID();
    (request as Request & { correlationId: string }).correlationId = correlationId;
    response.setHeader('x-correlation-id', correlationId);
    response.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const line = { method: request.method, path: request.originalUrl.split('?')[0], status: response.statusCode, ms: Math.round(ms * 10) / 10, correlationId };
      if (response.statusCode >= 500) this.logger.error(line);
      else this.logger.debug(line);
    });
    next();
  }
}
