import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ETAG_HEADER } from '../http/openapi-commands';
import { ApiErrors } from '../http/openapi-errors';
import { ConsistencyQuery, WardParams } from '../http/route-params';
import { ProjectionsService } from '../projections/projections.service';
import { CatalogueDto } from './catalogue.response.dto';

/** Plan: the ward's catalogue as the views hold it; its commands are the slices of catalogue-routes.ts. */
@ApiTags('catalogue（計画体系）')
@ApiBearerAuth()
@Controller('wards/:wardId/catalogue')
export class CatalogueHttpController {
  constructor(private readonly projections: ProjectionsService) {}

  @Get()
  @ApiOperation({ summary: '計画体系（基本目標・戦略計画・取組・指標・事業実施課）/ the catalogue' })
  @ApiOkResponse({ type: CatalogueDto, headers: ETAG_HEADER })
  @ApiErrors(400, 401, 403, 503)
  async catalogue(@Param() p: WardParams, @Query() q: ConsistencyQuery, @Res({ passthrough: true }) res: FastifyReply) {
    await this.projections.requirePosition(q.minPosition);
    const ward = this.projections.ward(p.wardId);
    res.header('ETag', `"${ward.catalogueRevision}"`);
    return { revision: ward.catalogueRevision, ...ward.catalogue };
  }
}
