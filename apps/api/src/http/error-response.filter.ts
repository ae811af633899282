import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  Logger,
  ServiceUnavailableException,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import {
  ContextChangedError,
  EventStoreUnavailableError,
  StaleRevisionError,
  WrongExpectedRevisionError,
} from '@pdca/event-store';
import { DomainError, DomainErrorKind } from '@pdca/kernel';

const STATUS: Record<DomainErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rule: 422,
  too_many_requests: 429,
  unavailable: 503,
};

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: { ja: string; en: string };
  field?: string;
  details?: Record<string, unknown>;
}

/** Every failure leaves as one JSON shape with a stable code and messages in Japanese and English. */
@Catch()
export class ErrorResponseFilter implements ExceptionFilter {
  private readonly logger = new Logger('errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<FastifyReply>();
    // A failed readiness check keeps Terminus's body ({status, info, error, details}): probes and
    // operators read which dependency is down there, and it is a 503, not an internal error.
    if (exception instanceof ServiceUnavailableException && isHealthReport(exception.getResponse())) {
      void response.status(503).send(exception.getResponse());
      return;
    }
    const body = this.toBody(exception);
    if (exception instanceof StaleRevisionError) response.header('ETag', `"${exception.actual}"`);
    if (body.statusCode === 401) response.header('WWW-Authenticate', 'Bearer');
    if (body.statusCode >= 500)
      this.logger.error({ msg: 'request failed', error: (exception as Error)?.stack ?? String(exception) });
    void response.status(body.statusCode).send(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainError) {
      const { field, ...details } = exception.details as { field?: string };
      return {
        statusCode: STATUS[exception.kind],
        code: exception.code,
        message: { ja: exception.messageJa, en: exception.messageEn },
        field,
        details,
      };
    }
    if (exception instanceof StaleRevisionError || exception instanceof WrongExpectedRevisionError) {
      return {
        statusCode: 409,
        code: 'STALE_REVISION',
        message: {
          ja: 'ほかの操作で先に更新されました。最新の内容を確認してからやり直してください。',
          en: 'Someone else changed this first; reload and try again.',
        },
        details: { currentRevision: exception.actual },
      };
    }
    if (exception instanceof ContextChangedError) {
      return {
        statusCode: 409,
        code: 'CONTEXT_CHANGED',
        message: {
          ja: '年度の状態や目録が処理中に繰り返し変更されました。少し待ってからやり直してください。',
          en: 'The cycle or the catalogue this command depends on kept changing while it was decided; try again shortly.',
        },
      };
    }
    if (exception instanceof EventStoreUnavailableError) {
      return {
        statusCode: 503,
        code: 'EVENT_STORE_UNAVAILABLE',
        message: {
          ja: 'データストアに接続できません。しばらくしてから再度お試しください。',
          en: 'The event store is unavailable; try again shortly.',
        },
      };
    }
    if (exception instanceof HttpException) return this.fromHttpException(exception);
    const parserStatus = bodyParserStatus(exception);
    if (parserStatus) return this.fromStatus(parserStatus, (exception as Error).message);
    return {
      statusCode: 500,
      code: 'INTERNAL',
      message: { ja: 'サーバー内部でエラーが発生しました。', en: 'Internal server error.' },
    };
  }

  /** Framework errors (unknown route, body too large, malformed JSON…) in the same shape. */
  private fromHttpException(exception: HttpException): ErrorBody {
    return this.fromStatus(exception.getStatus(), exception.message);
  }

  private fromStatus(status: number, detail: string): ErrorBody {
    const known: Record<number, [string, string, string]> = {
      400: [
        'BAD_REQUEST',
        'リクエストの形式が正しくありません（JSON を確認してください）。',
        'Malformed request (check the JSON).',
      ],
      404: ['NOT_FOUND', '指定された URL は存在しません。', 'No such resource.'],
      405: ['METHOD_NOT_ALLOWED', 'このメソッドは使えません。', 'Method not allowed.'],
      413: ['PAYLOAD_TOO_LARGE', 'リクエストが大きすぎます。', 'The request body is too large.'],
      415: [
        'UNSUPPORTED_MEDIA_TYPE',
        'Content-Type は application/json（UTF-8、圧縮なし）にしてください。',
        'Content-Type must be application/json (UTF-8, not compressed).',
      ],
    };
    const [code, ja, en] = known[status] ?? ['HTTP_ERROR', 'リクエストを処理できませんでした。', detail];
    return { statusCode: status >= 500 ? 500 : status, code, message: { ja, en } };
  }
}

/**
 * Fastify and its plugins refuse a request (body too large, a multipart limit, a malformed
 * Content-Length…) with a FastifyError carrying a 4xx statusCode; http-errors style errors carry
 * `status`. Either is the client's mistake, not a 500.
 */
function bodyParserStatus(exception: unknown): number | undefined {
  const { status, statusCode, name, type, expose } = (exception ?? {}) as {
    status?: unknown;
    statusCode?: unknown;
    name?: unknown;
    type?: unknown;
    expose?: unknown;
  };
  const code = typeof status === 'number' ? status : name === 'FastifyError' ? statusCode : undefined;
  if (typeof code !== 'number' || code < 400 || code >= 500) return undefined;
  if (typeof status === 'number' && typeof type !== 'string' && expose !== true) return undefined;
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') return 415;
  return code;
}

const isHealthReport = (body: unknown): boolean =>
  typeof body === 'object' && body !== null && (body as { status?: unknown }).status === 'error' && 'details' in body;
