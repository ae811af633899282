import { applyDecorators, Type } from '@nestjs/common';
import { ApiExtraModels, ApiHeader, ApiProperty, ApiResponse } from '@nestjs/swagger';
import type { HeadersObject } from '@nestjs/swagger';
import { ApiErrors, ErrorStatus } from './openapi-errors';

/** What commandResponse answers for every command. */
export class CommandResult {
  @ApiProperty({
    example: 'evaluation-nerima-2022-project-P01-011',
    description: '書き込んだストリーム / the stream written',
  })
  stream!: string;
  @ApiProperty({
    type: 'integer',
    example: 3,
    description: 'ストリームのリビジョン（= ETag）/ the stream revision, also the ETag',
  })
  revision!: number;
  @ApiProperty({
    type: 'integer',
    example: 5120,
    description: 'グローバル位置（= X-Position）/ the global position, also X-Position',
  })
  position!: number;
  @ApiProperty({
    description: '同じ Idempotency-Key の再送で、最初の結果を返した / a retry answered with the first outcome',
  })
  replayed!: boolean;
  @ApiProperty({ description: '一覧・集計に反映済み（false なら 202）/ the views already show it (202 when false)' })
  projected!: boolean;
  @ApiProperty({
    type: [String],
    example: ['ActualSubmitted'],
    description: '追加されたイベントの種類 / the types of the events appended',
  })
  events!: string[];
}

export const IDEMPOTENCY_KEY = {
  name: 'Idempotency-Key',
  required: false,
  description:
    '再送しても1回だけ実行するためのキー（英数字と _ . : - の8〜128文字、利用者ごと）/ a retry with the same key answers the first outcome',
  schema: { type: 'string', pattern: '^[A-Za-z0-9_.:-]{8,128}$' },
} as const;

const IF_MATCH = {
  name: 'If-Match',
  required: false,
  description:
    '取得時の ETag（例: "3"）。ほかの更新が先にあれば 409 STALE_REVISION / the ETag read; 409 STALE_REVISION if someone changed it since',
  schema: { type: 'string', pattern: '^(W/)?"?-?[0-9]{1,9}"?$' },
} as const;

/** Sent on every reply of the statuses that declare it (the item, cycle and catalogue reads and every command). */
export const ETAG_HEADER: HeadersObject = {
  ETag: {
    required: true,
    description: 'ストリームのリビジョン（次の If-Match に）/ the stream revision, for the next If-Match',
    schema: { type: 'string', example: '"3"' },
  },
};

/** Sent on every reply of the statuses that declare it: only those that answer a write (0 when nothing was written). */
export const X_POSITION_HEADER: HeadersObject = {
  'X-Position': {
    required: true,
    description:
      '書き込みのグローバル位置（後の読み取りの ?minPosition= に）/ the global position, for ?minPosition= on later reads',
    schema: { type: 'string', pattern: '^[0-9]+$' },
  },
};

/**
 * A command route: Idempotency-Key and If-Match in, 200 (views caught up) or 202 (not yet) out with
 * ETag and X-Position, and the errors a command can meet besides the controller's own.
 */
export function ApiCommand(result: Type<CommandResult> = CommandResult, ...errors: ErrorStatus[]) {
  const headers = { ...ETAG_HEADER, ...X_POSITION_HEADER };
  return applyDecorators(
    ApiExtraModels(result),
    ApiHeader(IDEMPOTENCY_KEY),
    ApiHeader(IF_MATCH),
    ApiResponse({
      status: 200,
      description: '実行し、一覧にも反映済み / done, and the views show it',
      type: result,
      headers,
    }),
    ApiResponse({
      status: 202,
      description:
        '実行済み、一覧への反映は未了（?minPosition= で待てる）/ done; the views catch up (wait with ?minPosition=)',
      type: result,
      headers,
    }),
    ApiErrors(400, 401, 403, 404, 409, 413, 415, 422, ...errors),
  );
}
