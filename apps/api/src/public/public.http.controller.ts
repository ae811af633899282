import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { ApiErrors } from '../http/openapi-errors';
import { ApiOkFormats } from '../http/openapi-formats';
import { CycleParams } from '../http/route-params';
import { CSV_VERIFICATION_HEADERS } from '../reports/csv-verification-headers';
import { PublishedReportDto, reportJson } from '../reports/report.response.dto';
import { ReportRenderingService } from '../reports/report-rendering.service';
import { FormatQuery, VersionParams } from '../reports/reports.request.dto';
import { ReportsService } from '../reports/reports.service';

/** The public reads published reports only, without logging in: HTML, CSV and JSON (open data), Excel, PDF. */
@ApiTags('public（公表資料）')
@Public()
@ApiExtraModels(PublishedReportDto)
@ApiErrors(400, 404)
@Controller('public/wards/:wardId/reports/:fiscalYear')
export class PublicHttpController {
  constructor(
    private readonly reports: ReportsService,
    private readonly rendering: ReportRenderingService,
  ) {}

  @Get()
  @ApiOperation({ summary: '公表された報告（最新版）/ the latest published report (?format=html|csv|json|xlsx|pdf)' })
  @ApiOkFormats(
    '公表された報告（?format= の形式）/ the published report in the format asked for',
    reportJson(PublishedReportDto),
    ['html', 'csv', 'xlsx', 'pdf'],
    CSV_VERIFICATION_HEADERS,
  )
  async latest(@Param() p: CycleParams, @Query() q: FormatQuery, @Res({ passthrough: true }) res: FastifyReply) {
    const published = await this.reports.publishedVersion(p.wardId, p.fiscalYear);
    if (!q.format) return published;
    return this.rendering.render(published.model, published.publication, q.format, q.table, res);
  }

  @Get('versions/:version')
  @ApiOperation({ summary: '公表された報告（指定の版。訂正前の版も閲覧可）/ a published version' })
  @ApiOkFormats(
    '公表された報告の版（?format= の形式）/ the version in the format asked for',
    reportJson(PublishedReportDto),
    ['html', 'csv', 'xlsx', 'pdf'],
    CSV_VERIFICATION_HEADERS,
  )
  async version(@Param() p: VersionParams, @Query() q: FormatQuery, @Res({ passthrough: true }) res: FastifyReply) {
    const published = await this.reports.publishedVersion(p.wardId, p.fiscalYear, p.version);
    if (!q.format) return published;
    return this.rendering.render(published.model, published.publication, q.format, q.table, res);
  }
}
