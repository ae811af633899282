import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { fiscalYearLabel, notFound } from '@pdca/kernel';
import { ETAG_HEADER } from '../http/openapi-commands';
import { ApiErrors } from '../http/openapi-errors';
import { ConsistencyQuery, CycleParams } from '../http/route-params';
import { CycleDto } from './cycle.response.dto';
import { ProjectionsService } from '../projections/projections.service';

/** The fiscal year's cycle as the views hold it; its commands are the slices of cycle-routes.ts. */
@ApiTags('cycles（年度サイクル）')
@ApiBearerAuth()
@Controller('wards/:wardId/cycles/:fiscalYear')
export class CyclesHttpController {
  constructor(private readonly projections: ProjectionsService) {}

  @Get()
  @ApiOperation({ summary: '年度サイクルの状態 / the cycle' })
  @ApiOkResponse({ type: CycleDto, headers: ETAG_HEADER })
  @ApiErrors(400, 401, 403, 404, 503)
  async cycle(@Param() p: CycleParams, @Query() q: ConsistencyQuery, @Res({ passthrough: true }) res: FastifyReply) {
    await this.projections.requirePosition(q.minPosition);
    const model = this.projections.ward(p.wardId).cycles.get(p.fiscalYear);
    if (!model || model.cycle.status === 'not_opened') {
      throw notFound(
        'CYCLE_NOT_FOUND',
        `${p.fiscalYear}年度のサイクルは開始されていません。`,
        `No review cycle has been opened for FY${p.fiscalYear}.`,
      );
    }
    res.header('ETag', `"${model.cycleRevision}"`);
    return { label: fiscalYearLabel(p.fiscalYear), revision: model.cycleRevision, ...model.cycle };
  }
}
