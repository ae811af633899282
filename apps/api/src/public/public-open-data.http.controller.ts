import { Controller, Get, Param, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { notFound } from '@pdca/kernel';
import { OpenDataTable, openDataCsv, openDataJson, openDataXlsx } from '@pdca/reporting';
import type { Publication } from '@pdca/review';
import { Public } from '../auth/auth.decorators';
import { ApiErrors } from '../http/openapi-errors';
import { ApiOkFormats } from '../http/openapi-formats';
import { arrayOf, jsonObject } from '../http/openapi-loose';
import { CycleParams } from '../http/route-params';
import { verificationHeadersDoc } from '../reports/csv-verification-headers';
import { ReportRenderingService } from '../reports/report-rendering.service';
import { VersionParams } from '../reports/reports.request.dto';
import { fileReply } from './file-reply';
import { OpenDataService } from './open-data.service';

const WORKBOOK = 'open-data.xlsx';
const INDEX_JSON = jsonObject(
  "版と、表ごとの CSV・JSON の URL / the version and each table's CSV and JSON",
  ['version', 'workbook', 'files'],
  {
    version: { type: 'integer' },
    workbook: { type: 'string' },
    files: arrayOf(jsonObject('1つの表 / one table', ['name', 'title', 'rows', 'csv', 'json']), '表ごと / per table'),
  },
);
// None of the files can print the verification line (plain tables, issue 14): each answers it as headers.
const VERIFICATION = verificationHeadersDoc(
  { ja: '各ファイル（CSV・JSON・Excel）', en: 'every file (CSV, JSON, workbook)' },
  true,
);
const TABLE_JSON = jsonObject('1つの表: 列の定義と行 / one table: its columns and rows', [
  'name',
  'title',
  'columns',
  'rows',
]);

export class OpenDataFileParams extends CycleParams {
  @ApiProperty({ example: 'kpi-values.csv', description: `表名.csv / 表名.json、または ${WORKBOOK}` })
  @Matches(/^[a-z-]{1,40}\.(csv|json|xlsx)$/)
  file!: string;
}

export class VersionOpenDataFileParams extends VersionParams {
  @ApiProperty({ example: 'summary.json' })
  @Matches(/^[a-z-]{1,40}\.(csv|json|xlsx)$/)
  file!: string;
}

/**
 * Open data a machine can read (the Digital Agency's rules): one table per CSV/JSON file and per
 * sheet of one workbook, with a code table, the definitions of every column and the update history.
 */
@ApiTags('public（公表資料）')
@Public()
@ApiErrors(400, 404)
@Controller('public/wards/:wardId/reports/:fiscalYear')
export class PublicOpenDataHttpController {
  constructor(
    private readonly openData: OpenDataService,
    private readonly rendering: ReportRenderingService,
  ) {}

  @Get('open-data')
  @ApiOperation({
    summary: 'オープンデータのファイル一覧（最新版）/ the open-data files of the latest published version',
  })
  @ApiOkResponse({ schema: INDEX_JSON })
  async index(@Param() p: CycleParams) {
    const { tables, publication } = await this.openData.tables(p.wardId, p.fiscalYear);
    const base = `/public/wards/${p.wardId}/reports/${p.fiscalYear}/versions/${publication.version}/open-data`;
    return {
      version: publication.version,
      workbook: `${base}/${WORKBOOK}`,
      files: tables.map((t) => ({
        name: t.name,
        title: t.title,
        rows: t.rows.length,
        csv: `${base}/${t.name}.csv`,
        json: `${base}/${t.name}.json`,
      })),
    };
  }

  @Get('open-data/:file')
  @ApiOperation({ summary: 'オープンデータの1ファイル（最新版）/ one open-data file of the latest version' })
  @ApiOkFormats(
    "ファイル（拡張子の形式）/ the file, in its extension's format",
    TABLE_JSON,
    ['csv', 'xlsx'],
    VERIFICATION,
  )
  latest(@Param() p: OpenDataFileParams, @Res({ passthrough: true }) res: FastifyReply) {
    return this.file(res, p.wardId, p.fiscalYear, p.file);
  }

  @Get('versions/:version/open-data/:file')
  @ApiOperation({ summary: 'オープンデータの1ファイル（指定の版）/ one open-data file of a published version' })
  @ApiOkFormats(
    "ファイル（拡張子の形式）/ the file, in its extension's format",
    TABLE_JSON,
    ['csv', 'xlsx'],
    VERIFICATION,
  )
  version(@Param() p: VersionOpenDataFileParams, @Res({ passthrough: true }) res: FastifyReply) {
    return this.file(res, p.wardId, p.fiscalYear, p.file, p.version);
  }

  private async file(
    response: Pick<FastifyReply, 'headers'>,
    wardId: string,
    fiscalYear: number,
    file: string,
    version?: number,
  ): Promise<StreamableFile> {
    const { tables, publication } = await this.openData.tables(wardId, fiscalYear, version);
    const reply = await this.body(tables, publication, file, `${wardId}-${fiscalYear}-v${publication.version}`);
    // Once the file is found: a 404 names no version to verify.
    response.headers(await this.rendering.verificationHeaders(wardId, fiscalYear, publication));
    return reply;
  }

  private async body(tables: OpenDataTable[], publication: Publication, file: string, base: string) {
    if (file === WORKBOOK)
      return fileReply(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        await openDataXlsx(tables, publication.publishedAt),
        `${base}-open-data.xlsx`,
      );
    const [name, extension] = file.split('.');
    const table = tables.find((t) => t.name === name);
    if (!table || extension === 'xlsx')
      throw notFound(
        'OPEN_DATA_FILE_NOT_FOUND',
        `オープンデータのファイル「${file}」はありません。`,
        `No open-data file "${file}".`,
      );
    return extension === 'csv'
      ? fileReply('text/csv; charset=utf-8', openDataCsv(table), `${base}-${name}.csv`)
      : fileReply('application/json; charset=utf-8', JSON.stringify(openDataJson(table)));
  }
}
