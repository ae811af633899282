import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { ApiErrors } from '../http/openapi-errors';
import { ApiOkFormats } from '../http/openapi-formats';
import { CycleParams } from '../http/route-params';
import { PROVENANCE_JSON, ProvenanceQuery, provenanceReply } from '../provenance/provenance-reply';
import { ProvenanceService } from '../provenance/provenance.service';
import { VersionParams } from '../reports/reports.request.dto';

/** Provenance of a published summary: what the public read, traced to the decisions behind it (offices, not accounts). */
@ApiTags('public（公表資料）')
@Public()
@ApiErrors(400, 404)
@Controller('public/wards/:wardId/reports/:fiscalYear')
export class PublicProvenanceHttpController {
  constructor(private readonly provenance: ProvenanceService) {}

  @Get('provenance')
  @ApiOperation({
    summary: '公表された集計表の数の根拠（最新版）/ provenance of the latest published summary (?format=html)',
  })
  @ApiOkFormats('数の根拠（JSON / ?format=html）/ the provenance', PROVENANCE_JSON, ['html'])
  async latest(@Param() p: CycleParams, @Query() q: ProvenanceQuery) {
    const { provenance, version } = await this.provenance.ofPublished(p.wardId, p.fiscalYear);
    return provenanceReply(provenance, this.provenance.title(p.wardId, p.fiscalYear, version), q.format);
  }

  @Get('versions/:version/provenance')
  @ApiOperation({ summary: '公表された集計表の数の根拠（指定の版）/ provenance of a published version' })
  @ApiOkFormats('数の根拠（JSON / ?format=html）/ the provenance', PROVENANCE_JSON, ['html'])
  async version(@Param() p: VersionParams, @Query() q: ProvenanceQuery) {
    const { provenance, version } = await this.provenance.ofPublished(p.wardId, p.fiscalYear, p.version);
    return provenanceReply(provenance, this.provenance.title(p.wardId, p.fiscalYear, version), q.format);
  }
}
