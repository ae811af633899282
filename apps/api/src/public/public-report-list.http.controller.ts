import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { WardParams } from '../http/route-params';
import { ReportsService } from '../reports/reports.service';

export interface PublishedYear {
  fiscalYear: number;
  /** Version 1 is the first publication; later ones are corrections, each with its reason. */
  versions: Array<{ version: number; publishedAt: string; reason?: string }>;
}

/**
 * What the ward has published, for the public's list of reports: newest year first, every version
 * in order. A ward that published nothing (or does not exist) has an empty list, not a 404: the
 * public page then says "nothing published yet".
 */
@ApiTags('public（公表資料）')
@Public()
@Controller('public/wards/:wardId/reports')
export class PublicReportListHttpController {
  constructor(private readonly reports: ReportsService) {}

  @Get()
  @ApiOperation({ summary: '公表された報告の一覧（年度ごとの版と訂正理由）/ published reports by year, with their versions and corrections' })
  @ApiOkResponse({ schema: { example: [{ fiscalYear: 2022, versions: [{ version: 1, publishedAt: '2023-09-01T01:00:00.000Z' }, { version: 2, publishedAt: '2023-10-02T01:00:00.000Z', reason: '取組P03-004の実績の誤記を訂正' }] }] } })
  list(@Param() p: WardParams): PublishedYear[] {
    return this.reports.publishedYears(p.wardId).reverse().map((fiscalYear) => ({
      fiscalYear,
      versions: this.reports.publications(p.wardId, fiscalYear).map(({ version, publishedAt, reason }) => (reason === undefined ? { version, publishedAt } : { version, publishedAt, reason })),
    }));
  }
}
