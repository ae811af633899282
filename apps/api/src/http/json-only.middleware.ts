import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/** Bodies must be JSON (imports are uploads, handled on their own routes): anything else is a 415, not a silent empty body. */
@Injectable()
export class JsonOnlyMiddleware implements NestMiddleware {
  use(request: Request, response: Response, next: NextFunction): void {
    const hasBody = Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
    const upload = request.is('multipart/form-data') && /\/imports(?:\/|$|\?)/.test(request.originalUrl);
    if (!hasBody || ['GET', 'HEAD', 'DELETE', 'OPTIONS'].includes(request.method) || request.is('application/json') || upload) return next();
    response.status(415).json({
      statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE',
      message: { ja: 'Content-Type は application/json にしてください。', en: 'Content-Type must be application/json.' },
    });
  }
}
