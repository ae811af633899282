import type { NextFunction, Request, Response } from 'express';

const BODYLESS_METHODS = new Set(['GET', 'HEAD', 'DELETE', 'OPTIONS']);

/** Bodies must be JSON (imports and section workbooks are uploads, handled on their own routes): anything else is a 415, not a silent empty body. */
export function jsonOnly(request: Request, response: Response, next: NextFunction): void {
  const hasBody = Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
  if (!hasBody || BODYLESS_METHODS.has(request.method) || request.is('application/json')) return next();
  if (request.is('multipart/form-data') && /\/(?:imports|workbook)(?:\/|$|\?)/.test(request.originalUrl)) return next();
  response.status(415).json({
    statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE',
    message: { ja: 'Content-Type は application/json にしてください。', en: 'Content-Type must be application/json.' },
  });
}
