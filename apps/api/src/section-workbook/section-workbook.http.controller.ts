import { Controller, Get, Headers, HttpCode, Param, Post, Query, Res, UseInterceptors } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiPropertyOptional,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { IsOptional, Matches } from 'class-validator';
import type { WorkbookFile } from '@pdca/importing';
import { forbidden, invalid } from '@pdca/kernel';
import type { Actor } from '@pdca/kernel';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { CommandRequest, CommandRequestInfo } from '../commands/command-request';
import { MultipartUploads, Upload } from '../http/multipart-uploads.interceptor';
import type { UploadedFile, UploadLimits } from '../http/multipart-uploads.interceptor';
import { IDEMPOTENCY_KEY, X_POSITION_HEADER } from '../http/openapi-commands';
import { ApiErrors } from '../http/openapi-errors';
import { ApiOkFormats, MEDIA } from '../http/openapi-formats';
import { jsonObject } from '../http/openapi-loose';
import { CycleParams, SECTION_ID } from '../http/route-params';
import { fileRequired, SectionWorkbookService } from './section-workbook.service';
import type { WorkbookTarget } from './workbook-planner.service';

const XLSX = MEDIA.xlsx;

export class WorkbookQuery {
  @ApiPropertyOptional({ example: 'hoiku', description: '企画課は課を指定（事業実施課は自課のみ）' })
  @IsOptional()
  @Matches(SECTION_ID)
  sectionId?: string;
}

/** One workbook of one section: a few hundred kilobytes at most. */
const UPLOAD_LIMITS: UploadLimits = { fileSize: 5 * 1024 * 1024, files: 1, fields: 5, parts: 6 };
const FILE_BODY = {
  schema: {
    type: 'object',
    required: ['file'],
    properties: {
      file: { type: 'string', format: 'binary', description: 'ダウンロードした課の Excel / the downloaded workbook' },
    },
  },
  encoding: { file: { contentType: XLSX } },
} as const;
const ROWS_JSON = jsonObject(
  '行ごとの結果（変更なし・下書き保存・提出）と誤り / each row: unchanged, draft saved or submitted, and its errors',
  ['rows'],
);

/** The section's Excel round trip: download, fill in offline, upload for a dry run, confirm. */
@ApiTags('section workbook（課の Excel 入力）')
@ApiBearerAuth()
@Controller('wards/:wardId/cycles/:fiscalYear')
@ApiErrors(400, 401, 403, 404)
export class SectionWorkbookHttpController {
  constructor(private readonly workbooks: SectionWorkbookService) {}

  @Get('workbook.xlsx')
  @Roles('section_staff', 'planning_office')
  @ApiQuery({ name: 'sectionId', required: false })
  @ApiOperation({
    summary: '課の取組・指標を Excel でダウンロード（入力欄のみ編集可、説明シート付き）/ the section workbook',
  })
  @ApiOkFormats('課の Excel / the section workbook', undefined, ['xlsx'])
  async download(
    @Param() p: CycleParams,
    @Query() q: WorkbookQuery,
    @CurrentActor() actor: Actor,
    @Res() res: FastifyReply,
  ) {
    const { file, fileName, asciiName } = await this.workbooks.download(targetOf(p, q, actor));
    res.header('Content-Type', XLSX);
    res.header(
      'Content-Disposition',
      `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    );
    res.send(file);
  }

  @Post('workbook/previews')
  @HttpCode(200)
  @Roles('section_staff', 'planning_office')
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_BODY)
  @ApiQuery({ name: 'sectionId', required: false })
  @ApiOperation({
    summary: 'アップロードの事前確認（何も保存しません）: 行ごとの結果（変更なし・下書き保存・提出）と誤り / dry run',
  })
  @ApiOkResponse({
    description: '行ごとの判定（何も保存していません）/ the decision per row; nothing stored',
    schema: ROWS_JSON,
  })
  @ApiErrors(413, 422)
  @UseInterceptors(new MultipartUploads('file', 1, UPLOAD_LIMITS))
  preview(
    @Param() p: CycleParams,
    @Query() q: WorkbookQuery,
    @Upload() upload: UploadedFile | undefined,
    @CurrentActor() actor: Actor,
  ) {
    return this.workbooks.preview(targetOf(p, q, actor), actor, toFile(upload));
  }

  @Post('workbook')
  @HttpCode(200)
  @Roles('section_staff')
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_BODY)
  @ApiHeader({
    ...IDEMPOTENCY_KEY,
    required: true,
    description: 'アップロードごとに1つ（再送は同じキー）/ one per upload, the same when retrying',
  })
  @ApiOperation({ summary: 'アップロードを確定（誤りが1件でもあれば何も保存しません）/ confirm' })
  @ApiOkResponse({ description: '行ごとの結果 / each row as applied', schema: ROWS_JSON, headers: X_POSITION_HEADER })
  @ApiErrors(409, 413, 422)
  @UseInterceptors(new MultipartUploads('file', 1, UPLOAD_LIMITS))
  async confirm(
    @Param() p: CycleParams,
    @Upload() upload: UploadedFile | undefined,
    @Headers('idempotency-key') key: string | undefined,
    @CommandRequestInfo() r: CommandRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    // A batch without a key could not be finished safely after a crash: the key is required here.
    if (!key) throw keyRequired();
    const result = await this.workbooks.confirm(targetOf(p, {}, r.actor), r, toFile(upload));
    res.header('X-Position', String(result.position));
    return result;
  }
}

/** Section staff work on their own section; the planning office names one. */
function targetOf(p: CycleParams, q: WorkbookQuery, actor: Actor): WorkbookTarget {
  if (actor.role === 'section_staff') {
    if (q.sectionId && q.sectionId !== actor.sectionId)
      throw forbidden(
        'NOT_YOUR_SECTION',
        '他の事業実施課のファイルは扱えません。',
        "You may not work on another section's workbook.",
        { field: 'sectionId' },
      );
    return { wardId: p.wardId, fiscalYear: p.fiscalYear, sectionId: actor.sectionId! };
  }
  if (!q.sectionId)
    throw invalid('SECTION_REQUIRED', 'sectionId（事業実施課）を指定してください。', 'Give a sectionId.', {
      field: 'sectionId',
    });
  return { wardId: p.wardId, fiscalYear: p.fiscalYear, sectionId: q.sectionId };
}

function toFile(upload: UploadedFile | undefined): WorkbookFile {
  if (!upload) throw fileRequired();
  return { name: upload.originalname, data: upload.buffer };
}

const keyRequired = () =>
  invalid(
    'IDEMPOTENCY_KEY_REQUIRED',
    'Idempotency-Key ヘッダーを指定してください（再送時は同じキー）。',
    'Send an Idempotency-Key header (the same one when retrying).',
    { field: 'Idempotency-Key' },
  );
