import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { publicationFingerprint } from '@pdca/reporting';
import { Public } from '../auth/auth.decorators';
import { ApiErrors } from '../http/openapi-errors';
import { WardParams } from '../http/route-params';
import { ReportsService } from '../reports/reports.service';
import { PublishedYearDto } from './public.response.dto';

export interface PublishedVersion {
  version: number;
  publishedAt: string;
  /** Why a correction was published (absent on version 1). */
  reason?: string;
  /** SHA-256 of what the version pins (publicationFingerprint): the same value the report prints. */
  fingerprint: string;
  /** Global log position the version was computed from: what a transparency proof is asked for. */
  position: number;
}

export interface PublishedYear {
  fiscalYear: number;
  /** Version 1 is the first publication; later ones are corrections, each with its reason. */
  versions: PublishedVersion[];
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
  @ApiOperation({
    summary:
      '公表された報告の一覧（年度ごとの版・公表日・訂正理由・フィンガープリント）/ published reports by year, with every version, its date, reason and fingerprint',
  })
  @ApiOkResponse({
    type: [PublishedYearDto],
    example: [
      {
        fiscalYear: 2022,
        versions: [
          { version: 1, publishedAt: '2023-09-01T01:00:00.000Z', fingerprint: 'sha256:3f…', position: 5120 },
          {
            version: 2,
            publishedAt: '2023-10-02T01:00:00.000Z',
            reason: '取組P03-004の実績の誤記を訂正',
            fingerprint: 'sha256:9a…',
            position: 5131,
          },
        ],
      },
    ],
  })
  @ApiErrors(400)
  list(@Param() p: WardParams): PublishedYear[] {
    return this.reports
      .publishedYears(p.wardId)
      .reverse()
      .map((fiscalYear) => ({
        fiscalYear,
        versions: this.reports.publications(p.wardId, fiscalYear).map((publication) => ({
          version: publication.version,
          publishedAt: publication.publishedAt,
          ...(publication.reason === undefined ? {} : { reason: publication.reason }),
          fingerprint: publicationFingerprint(p.wardId, fiscalYear, publication),
          position: publication.position,
        })),
      }));
  }
}
