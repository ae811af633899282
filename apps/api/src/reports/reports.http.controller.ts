import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { READERS } from '../access/read-policy';
import { Roles } from '../auth/auth.decorators';
import { PublicationsDto } from '../cycles/cycle.response.dto';
import { ApiErrors } from '../http/openapi-errors';
import { ApiOkFormats } from '../http/openapi-formats';
import { CycleParams } from '../http/route-params';
import { ReportDifferenceDto, ReportModelDto, reportJson, SummaryDto } from './report.response.dto';
import { diffReports } from './report-diff';
import { AsOfQuery, ReportQuery } from './reports.request.dto';
import { ReportRenderingService } from './report-rendering.service';
import { ReportsService } from './reports.service';

/**
 * The report as it stands (or stood), for the roles overseeing the cycle: it holds every section's
 * unpublished work. Section staff and the public read published versions under /public.
 */
@ApiTags('reports（報告）')
@ApiBearerAuth()
@Controller('wards/:wardId/cycles/:fiscalYear/report')
@Roles(...READERS.wholeYearUnpublished)
@ApiErrors(400, 401, 403, 404)
export class ReportsHttpController {
  constructor(
    private readonly reports: ReportsService,
    private readonly rendering: ReportRenderingService,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      '集計表と計画別の表（現在、または asOf / position 時点。format で HTML・CSV・Excel・PDF）/ the report now or as known at',
  })
  @ApiExtraModels(ReportModelDto)
  @ApiOkFormats('報告（?format= の形式）/ the report in the format asked for', reportJson(ReportModelDto), [
    'html',
    'csv',
    'xlsx',
    'pdf',
  ])
  async report(@Param() p: CycleParams, @Query() q: ReportQuery) {
    const model =
      q.asOf || q.position !== undefined
        ? await this.reports.asOf(
            p.wardId,
            p.fiscalYear,
            q.position !== undefined ? { position: q.position } : { at: new Date(q.asOf!) },
          )
        : this.reports.current(p.wardId, p.fiscalYear);
    if (!q.format) return model;
    return this.rendering.render(model, undefined, q.format, q.table);
  }

  @Get('summary')
  @ApiOperation({ summary: '集計表のみ（現在）/ the summary table only' })
  @ApiOkResponse({ type: SummaryDto })
  summary(@Param() p: CycleParams) {
    return this.reports.currentSummary(p.wardId, p.fiscalYear);
  }

  @Get('difference')
  @ApiOperation({ summary: 'asOf / position 時点から現在までの差分 / what changed since then' })
  @ApiOkResponse({ type: ReportDifferenceDto })
  async difference(@Param() p: CycleParams, @Query() q: AsOfQuery) {
    const then = await this.reports.asOf(
      p.wardId,
      p.fiscalYear,
      q.position !== undefined ? { position: q.position } : { at: new Date(q.asOf ?? 0) },
    );
    return diffReports(then, this.reports.current(p.wardId, p.fiscalYear));
  }

  @Get('publications')
  @Roles(...READERS.staff)
  @ApiOperation({ summary: '公表された版の一覧 / published versions' })
  @ApiOkResponse({ type: PublicationsDto })
  publications(@Param() p: CycleParams) {
    return { publications: this.reports.publications(p.wardId, p.fiscalYear) };
  }
}
