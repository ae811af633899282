import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { READERS } from '../access/read-policy';
import { Roles } from '../auth/auth.decorators';
import { ApiErrors } from '../http/openapi-errors';
import { ApiOkFormats } from '../http/openapi-formats';
import { CycleParams } from '../http/route-params';
import { PROVENANCE_JSON, ProvenanceQuery, provenanceReply } from './provenance-reply';
import { ProvenanceService } from './provenance.service';

/**
 * The current year's provenance: a view over every section's unpublished work, so for the roles
 * overseeing the cycle (as the draft report); the published one is under /public.
 */
@ApiTags('reports（報告）')
@ApiBearerAuth()
@Controller('wards/:wardId/cycles/:fiscalYear/report/provenance')
@Roles(...READERS.wholeYearUnpublished)
@ApiErrors(400, 401, 403, 404)
export class ProvenanceHttpController {
  constructor(private readonly provenance: ProvenanceService) {}

  @Get()
  @ApiOperation({
    summary:
      '集計表の数の根拠（現在）: 数ごとの取組と、評価を決めた記録（誰が・役割・日時・理由・推進会議の判断）/ provenance of the current summary',
  })
  @ApiOkFormats('数の根拠（JSON / ?format=html）/ the provenance', PROVENANCE_JSON, ['html'])
  async current(@Param() p: CycleParams, @Query() q: ProvenanceQuery) {
    return provenanceReply(
      await this.provenance.current(p.wardId, p.fiscalYear),
      this.provenance.title(p.wardId, p.fiscalYear),
      q.format,
    );
  }
}
