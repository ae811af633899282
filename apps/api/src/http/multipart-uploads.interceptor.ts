import {
  BadRequestException,
  CallHandler,
  createParamDecorator,
  ExecutionContext,
  HttpException,
  NestInterceptor,
  PayloadTooLargeException,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
// The request's isMultipart()/parts() are declared by the plugin's types: every build that compiles this
// file (the CLI's too, which never registers the plugin) must see them.
import type {} from '@fastify/multipart';
import type { Observable } from 'rxjs';

/** One uploaded file, read into memory (the uploads are a few megabytes at most). */
export interface UploadedFile {
  fieldname: string;
  /** As the browser sent it: @fastify/busboy decodes a UTF-8 file name (取組.csv) as UTF-8, unlike multer's latin1. */
  originalname: string;
  mimetype: string;
  buffer: Buffer;
}

export interface UploadLimits {
  fileSize: number;
  files: number;
  fields: number;
  parts: number;
}

/** Not request.files / request.file: @fastify/multipart has methods of those names. */
type UploadRequest = FastifyRequest & { uploads?: UploadedFile[] };

/**
 * Reads a multipart body (@fastify/multipart) before the handler, the way Nest's multer
 * interceptors did, so @Uploads() / @Upload() and the Idempotency-Key fingerprint see the same: files under `field` (at most `maxCount`), text fields as the body. The answers are
 * multer's too: a file over the size limit is a 413, every other limit, an unexpected file field
 * or a broken form a 400. A request that is not multipart passes with no file (the route says
 * which file it needed).
 */
export class MultipartUploads implements NestInterceptor {
  constructor(
    private readonly field: string,
    private readonly maxCount: number,
    private readonly limits: UploadLimits,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<UploadRequest>();
    if (!request.isMultipart()) return next.handle();
    const files: UploadedFile[] = [];
    const fields: Record<string, unknown> = {};
    try {
      for await (const part of request.parts({ limits: this.limits })) {
        if (part.type === 'field') {
          fields[part.fieldname] = part.value;
          continue;
        }
        if (part.fieldname !== this.field || files.length >= this.maxCount)
          throw new BadRequestException('Unexpected field');
        files.push({
          fieldname: part.fieldname,
          originalname: part.filename,
          mimetype: part.mimetype,
          buffer: await part.toBuffer(),
        });
      }
    } catch (error) {
      throw asHttpError(error);
    }
    request.body = fields;
    request.uploads = files;
    return next.handle();
  }
}

/** The files the interceptor read (none when the request was not multipart). */
export const Uploads = createParamDecorator(
  (_: unknown, context: ExecutionContext): UploadedFile[] =>
    context.switchToHttp().getRequest<UploadRequest>().uploads ?? [],
);
/** The one file of a single-file upload, if any. */
export const Upload = createParamDecorator(
  (_: unknown, context: ExecutionContext): UploadedFile | undefined =>
    context.switchToHttp().getRequest<UploadRequest>().uploads?.[0],
);

function asHttpError(error: unknown): HttpException {
  if (error instanceof HttpException) return error;
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new PayloadTooLargeException('File too large');
  return new BadRequestException(typeof message === 'string' ? message : 'Malformed multipart body');
}
