import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { CycleParams } from '../http/route-params';
import { VersionParams } from '../reports/reports.request.dto';
import { ReportsService } from '../reports/reports.service';

/** The public reads published reports only, without logging in. */
@ApiTags('public（公表資料）')
@Public()
@Controller('public/wards/:wardId/reports/:fiscalYear')
export class PublicHttpController {
  constructor(private readonly reports: ReportsService) {}

  @Get()
  @ApiOperation({ summary: '公表された報告（最新版）/ the latest published report' })
  latest(@Param() p: CycleParams) {
    return this.reports.publishedVersion(p.wardId, p.fiscalYear);
  }

  @Get('versions/:version')
  @ApiOperation({ summary: '公表された報告（指定の版。訂正前の版も閲覧可）/ a published version' })
  version(@Param() p: VersionParams) {
    return this.reports.publishedVersion(p.wardId, p.fiscalYear, p.version);
  }
}
