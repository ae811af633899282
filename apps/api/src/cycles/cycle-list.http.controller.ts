import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../http/openapi-errors';
import { ConsistencyQuery, WardParams } from '../http/route-params';
import { ProjectionsService } from '../projections/projections.service';
import { CycleListEntryDto } from './cycle.response.dto';

export interface CycleListEntry {
  fiscalYear: number;
  status: 'open' | 'closed' | 'published';
  scheme: string;
  deadline: string;
  openedAt?: string;
  publishedVersions?: number;
}

/** The ward's cycles, newest fiscal year first (the planning office's list; everyone in the ward may read it). */
@ApiTags('cycles（年度サイクル）')
@ApiBearerAuth()
@Controller('wards/:wardId/cycles')
export class CycleListHttpController {
  constructor(private readonly projections: ProjectionsService) {}

  @Get()
  @ApiOperation({ summary: "年度サイクルの一覧（新しい年度から）/ the ward's cycles, newest first" })
  @ApiOkResponse({ type: [CycleListEntryDto] })
  @ApiErrors(400, 401, 403, 503)
  async list(@Param() p: WardParams, @Query() q: ConsistencyQuery): Promise<CycleListEntry[]> {
    await this.projections.requirePosition(q.minPosition);
    const entries: CycleListEntry[] = [];
    for (const [fiscalYear, { cycle }] of this.projections.ward(p.wardId).cycles) {
      if (cycle.status === 'not_opened') continue;
      const { status, scheme, deadline, openedAt } = cycle;
      entries.push({
        fiscalYear,
        status,
        scheme,
        deadline,
        ...(openedAt ? { openedAt } : {}),
        ...(cycle.status === 'published' ? { publishedVersions: cycle.publications.length } : {}),
      });
    }
    return entries.sort((a, b) => b.fiscalYear - a.fiscalYear);
  }
}
