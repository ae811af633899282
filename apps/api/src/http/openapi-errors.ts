import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';

class ErrorMessage {
  @ApiProperty({ example: 'deadline の形式が正しくありません。' }) ja!: string;
  @ApiProperty({ example: 'deadline: must be a valid ISO 8601 date string' }) en!: string;
}

/** The one shape every failure leaves in (ErrorResponseFilter), documented once and referenced by every error response. */
export class ErrorBody {
  @ApiProperty({ type: 'integer', example: 400 }) statusCode!: number;
  @ApiProperty({ example: 'VALIDATION_FAILED', description: '安定したエラーコード / a stable code to branch on' })
  code!: string;
  @ApiProperty({ type: ErrorMessage, description: '日本語と英語のメッセージ / the message in Japanese and English' })
  message!: ErrorMessage;
  @ApiPropertyOptional({ example: 'deadline', description: '誤りのある項目 / the field at fault' }) field?: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      '詳細（例: 入力の誤りの一覧、現在のリビジョン）/ details such as every field problem or the current revision',
  })
  details?: Record<string, unknown>;
}

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503;

const MEANING: Record<ErrorStatus, string> = {
  400: '入力の誤り（項目名と理由）/ invalid input, naming the field and the reason',
  401: 'ログインしていない、またはトークンの期限切れ / not signed in or the token expired',
  403: 'この役割・課には許可されていない / not allowed for this role or section',
  404: '存在しない / no such resource',
  409: '競合（If-Match のリビジョンが古い、状態が合わない）/ conflict: a stale If-Match revision or a state that does not allow it',
  413: 'リクエストが大きすぎる / the request body is too large',
  415: 'Content-Type が違う / unsupported Content-Type',
  422: '業務ルールに反する / refused by a business rule',
  429: '試行回数の上限 / too many attempts',
  503: '一時的に利用できない / temporarily unavailable',
};

/** Declares each error status an operation (or every operation of a controller) can answer, all with ErrorBody. */
export const ApiErrors = (...statuses: ErrorStatus[]) =>
  applyDecorators(
    ApiExtraModels(ErrorBody),
    ...statuses.map((status) => ApiResponse({ status, description: MEANING[status], type: ErrorBody })),
  );
