import { Body, Controller, Get, Param, Post, Res, UseInterceptors } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProperty,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { IsIn, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { buildTemplateCsv, buildTemplateXlsx, IMPORT_TABLES, templateCsvName } from '@pdca/importing';
import type { ImportFile, ImportTable } from '@pdca/importing';
import type { Actor } from '@pdca/kernel';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { CommandRequest, CommandRequestInfo } from '../commands/command-request';
import { MultipartUploads, Uploads } from '../http/multipart-uploads.interceptor';
import type { UploadedFile, UploadLimits } from '../http/multipart-uploads.interceptor';
import { X_POSITION_HEADER } from '../http/openapi-commands';
import { ApiErrors } from '../http/openapi-errors';
import { ApiOkFormats, MEDIA } from '../http/openapi-formats';
import { arrayOf, jsonObject } from '../http/openapi-loose';
import { WardParams } from '../http/route-params';
import { IMPORT_ID_PATTERN } from './import-files';
import { ImportService } from './import.service';

const UPLOAD_LIMITS: UploadLimits = { fileSize: 10 * 1024 * 1024, files: 5, fields: 5, parts: 10 };

class TableParams extends WardParams {
  @ApiProperty({ enum: IMPORT_TABLES, description: '表（構成・取組・指標）' })
  @IsIn(IMPORT_TABLES as readonly string[])
  table!: ImportTable;
}

class ImportParams extends WardParams {
  @ApiProperty({ description: '取込みID' }) @Matches(IMPORT_ID_PATTERN) importId!: string;
}

export class RevertDto {
  @ApiProperty({ example: '誤ったファイルを取り込んだため' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2_000)
  reason!: string;
}

/** Up to five files, Excel or CSV (UTF-8 or Shift_JIS); each part a file, not text. */
const FILES_BODY = {
  schema: {
    type: 'object',
    required: ['files'],
    properties: {
      files: {
        type: 'array',
        minItems: 1,
        maxItems: 5,
        items: { type: 'string', format: 'binary' },
        description: 'Excel（.xlsx）または CSV',
      },
    },
  },
  encoding: { files: { contentType: `${MEDIA.xlsx}, ${MEDIA.csv}` } },
} as const;
const DECISION_JSON = jsonObject(
  '確定と同じ判定: 追加される内容、差分、誤り / the same decision as the confirm: what would be added, the changes, the errors',
  ['valid', 'records', 'preview'],
  {
    valid: { type: 'boolean' },
    records: {
      type: 'array',
      items: { type: 'object' },
      description: '記録される取組・指標 / the items whose records would be written',
    },
    preview: { type: 'object' },
  },
);
const APPLIED_JSON = jsonObject('取込みの結果 / the import', ['importId', 'replayed'], {
  importId: { type: 'string' },
  replayed: { type: 'boolean' },
});
const REVERTED_JSON = jsonObject(
  '取消しの結果 / the reversion',
  ['importId', 'reverted', 'replayed', 'position', 'projected'],
  {
    importId: { type: 'string' },
    reverted: { type: 'boolean' },
    replayed: { type: 'boolean' },
    position: { type: 'integer' },
    projected: { type: 'boolean' },
  },
);
const LIST_JSON = arrayOf(
  jsonObject('1回の取込み / one import', ['importId', 'files', 'importedAt', 'records']),
  '新しい順 / newest first',
);

/** Excel/CSV in: template, dry run with every row's errors, confirm as one attributed batch, revert. */
@ApiTags('imports（Excel・CSV 取込み）')
@ApiBearerAuth()
@Controller('wards/:wardId/imports')
@ApiErrors(400, 401, 403)
export class ImportsHttpController {
  constructor(private readonly imports: ImportService) {}

  @Get('template.xlsx')
  @ApiOperation({ summary: '取込みテンプレート（Excel、説明シート付き）/ the Excel template' })
  @ApiParam({ name: 'wardId', example: 'nerima', description: '自治体ID' })
  @ApiOkFormats('テンプレート / the template', undefined, ['xlsx'])
  async templateXlsx(@Res() res: FastifyReply) {
    res.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.header('Content-Disposition', 'attachment; filename="pdca-import-template.xlsx"');
    res.send(await buildTemplateXlsx());
  }

  @Get('templates/:table')
  @ApiOperation({ summary: '取込みテンプレート（CSV、表ごと: 構成・取組・指標）/ a CSV template' })
  @ApiOkFormats('テンプレート / the template', undefined, ['csv'])
  templateCsv(@Param() p: TableParams, @Res() res: FastifyReply) {
    res.header('Content-Type', 'text/csv; charset=utf-8');
    res.header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(templateCsvName(p.table))}`);
    res.send(buildTemplateCsv(p.table));
  }

  @Get()
  @Roles('planning_office', 'auditor')
  @ApiOperation({
    summary: '取込みの一覧（新しい順）: ファイル、件数、状態、取消しの理由 / the imports of the ward, newest first',
  })
  @ApiOkResponse({ schema: LIST_JSON })
  list(@Param() p: WardParams) {
    return this.imports.list(p.wardId);
  }

  @Post('previews')
  @Roles('planning_office')
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILES_BODY)
  @ApiOperation({
    summary:
      '取込みの事前確認（何も追加しません）: 確定と同じ判定で、追加される内容、差分、行ごとの誤り（先頭200件と列ごとの集計）。1回5,000行まで / dry run with the same decision as the confirm; at most 5,000 rows',
  })
  @ApiCreatedResponse({
    description: '判定（何も保存していません）/ the decision; nothing stored',
    schema: DECISION_JSON,
  })
  @ApiErrors(413, 422)
  @UseInterceptors(new MultipartUploads('files', 5, UPLOAD_LIMITS))
  preview(@Param() p: WardParams, @Uploads() files: UploadedFile[], @CurrentActor() actor: Actor) {
    return this.imports.preview(p.wardId, actor, toImportFiles(files));
  }

  @Post()
  @Roles('planning_office')
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILES_BODY)
  @ApiOperation({
    summary:
      '取込みを確定（ファイル全体が正しい場合のみ、全体を一度に反映）。同じファイルの再送は同じ取込みを完了させるか、完了済みと答えます / confirm an import: all of it or nothing; resending the same files finishes the same import or answers that it is done',
  })
  @ApiResponse({ status: 201, description: '反映した / applied now', schema: APPLIED_JSON, headers: X_POSITION_HEADER })
  @ApiResponse({
    status: 200,
    description: '取込み済み（再送）または変更なし / already imported (a retry) or nothing to change',
    schema: APPLIED_JSON,
  })
  @ApiResponse({
    status: 202,
    description: '反映した、一覧への反映は未了 / applied; the views catch up',
    schema: APPLIED_JSON,
    headers: X_POSITION_HEADER,
  })
  @ApiErrors(409, 413, 422)
  @UseInterceptors(new MultipartUploads('files', 5, UPLOAD_LIMITS))
  async confirm(
    @Param() p: WardParams,
    @Uploads() files: UploadedFile[],
    @CommandRequestInfo() r: CommandRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const result = await this.imports.confirm(p.wardId, r, toImportFiles(files));
    // 200 when these files were already imported (a retry) or change nothing; else 201 (202 while the
    // views catch up), always with X-Position, as the document says.
    if ('nothingToImport' in result) {
      res.status(200);
      return result;
    }
    res.status(result.projected ? 201 : 202);
    res.header('X-Position', String(result.position));
    return result;
  }

  @Post(':importId/reversion')
  @Roles('planning_office')
  @ApiOperation({ summary: '取込みを取り消す（履歴は消さず、打ち消すイベントを追加）/ revert an import' })
  @ApiResponse({ status: 200, description: '取り消した / reverted', schema: REVERTED_JSON, headers: X_POSITION_HEADER })
  @ApiResponse({
    status: 202,
    description: '取り消した、一覧への反映は未了 / reverted; the views catch up',
    schema: REVERTED_JSON,
    headers: X_POSITION_HEADER,
  })
  @ApiErrors(404, 409, 422)
  async revert(
    @Param() p: ImportParams,
    @Body() body: RevertDto,
    @CommandRequestInfo() r: CommandRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const result = await this.imports.revert(p.wardId, p.importId, r, body.reason);
    res.header('X-Position', String(result.position));
    res.status(result.projected ? 200 : 202);
    return result;
  }
}

function toImportFiles(files: UploadedFile[]): ImportFile[] {
  return files.map((file) => ({ name: file.originalname, data: file.buffer }));
}
