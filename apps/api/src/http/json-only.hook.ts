import type { FastifyReply, FastifyRequest } from 'fastify';

const BODYLESS_METHODS = new Set(['GET', 'HEAD', 'DELETE', 'OPTIONS']);
const UPLOAD_PATH = /\/(?:imports|workbook)(?:\/|$|\?)/;

/**
 * Bodies must be JSON in UTF-8, not compressed (imports and section workbooks are uploads, handled
 * on their own routes): anything else is a 415 before a byte is read, not a silent empty body.
 * Compressed request bodies are refused rather than inflated: no client of ours sends them, and
 * inflating would let a small body become a large one before the size limit could see it.
 */
export async function jsonOnly(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
  const { headers } = request;
  const hasBody = Number(headers['content-length'] ?? 0) > 0 || headers['transfer-encoding'] !== undefined;
  if (!hasBody || BODYLESS_METHODS.has(request.method)) return undefined;
  const [mediaType, ...parameters] = String(headers['content-type'] ?? '')
    .split(';')
    .map((part) => part.trim().toLowerCase());
  const encoding = String(headers['content-encoding'] ?? 'identity')
    .trim()
    .toLowerCase();
  const charset = parameters
    .find((parameter) => parameter.startsWith('charset='))
    ?.slice('charset='.length)
    .replace(/"/g, '');
  if (
    mediaType === 'application/json' &&
    encoding === 'identity' &&
    (charset === undefined || charset === 'utf-8' || charset === 'utf8')
  )
    return undefined;
  if (mediaType === 'multipart/form-data' && encoding === 'identity' && UPLOAD_PATH.test(request.url)) return undefined;
  return reply.code(415).send({
    statusCode: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: {
      ja: 'Content-Type は application/json（UTF-8、圧縮なし）にしてください。',
      en: 'Content-Type must be application/json (UTF-8, not compressed).',
    },
  });
}
