import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Matches } from 'class-validator';
import { READERS } from '../access/read-policy';
import { Roles } from '../auth/auth.decorators';
import { ApiErrors } from '../http/openapi-errors';
import { ApiOkFormats } from '../http/openapi-formats';
import { arrayOf, jsonObject } from '../http/openapi-loose';
import { CycleParams, ENTRY_ID, WardParams } from '../http/route-params';
import { ExportQuery, TrailQuery } from './audit.request.dto';
import { AuditTrailService, TrailEntry } from './audit-trail.service';
import { trailCsv } from './trail-csv';

class AuditItemParams extends WardParams {
  @ApiProperty({ enum: ['projects', 'kpis'], description: '取組 / 指標' }) @Matches(/^(projects|kpis)$/) kind!:
    'projects' | 'kpis';
  @ApiProperty({ example: 'P01-011', description: '取組ID または 指標ID' }) @Matches(ENTRY_ID) itemId!: string;
}

const TRAIL_JSON = jsonObject('証跡 / the trail', ['entries'], {
  entries: arrayOf(
    jsonObject('1件のイベント（誰が・役割・いつ・理由）/ one event: who, role, when, why', [
      'fiscalYear',
      'stream',
      'revision',
      'position',
      'event',
      'at',
      'actor',
      'role',
    ]),
    '古い順 / oldest first',
  ),
});
const VERIFICATION_JSON = jsonObject(
  'ハッシュチェーンの検証結果 / the hash-chain verification',
  ['intact', 'streams', 'events', 'anchorsChecked', 'breaks'],
  {
    intact: { type: 'boolean' },
    streams: { type: 'integer' },
    events: { type: 'integer' },
    anchorsChecked: { type: 'integer' },
    breaks: { type: 'array', items: { type: 'object' } },
  },
);

/** Read-only, for auditors and the planning office: trails, exports and tamper verification. */
@ApiTags('audit（監査）')
@ApiBearerAuth()
@Controller('wards/:wardId/audit')
@Roles(...READERS.auditTrail)
@ApiErrors(400, 401, 403, 404)
export class AuditHttpController {
  constructor(private readonly audit: AuditTrailService) {}

  // Declared before ':kind/:itemId', which would otherwise take /cycles/2022 and answer 400.
  @Get('cycles/:fiscalYear')
  @ApiOperation({ summary: '年度の全イベントの書き出し（CSV/JSON）/ export a fiscal year' })
  @ApiOkFormats('年度の全イベント（JSON / ?format=csv）/ every event of the year', TRAIL_JSON, ['csv'])
  async cycleTrail(@Param() p: CycleParams, @Query() q: ExportQuery, @Res({ passthrough: true }) res: FastifyReply) {
    return this.send(
      res,
      await this.audit.cycleTrail(p.wardId, p.fiscalYear),
      q.format,
      `audit-${p.wardId}-${p.fiscalYear}`,
    );
  }

  @Get(':kind/:itemId')
  @ApiOperation({ summary: '取組・指標の監査証跡（提出から審査・公表・訂正まで、CSV/JSON）/ an item trail' })
  @ApiOkFormats('取組・指標の監査証跡（JSON / ?format=csv）/ the item trail', TRAIL_JSON, ['csv'])
  async itemTrail(@Param() p: AuditItemParams, @Query() q: TrailQuery, @Res({ passthrough: true }) res: FastifyReply) {
    const trail = await this.audit.itemTrail(
      p.wardId,
      p.kind === 'projects' ? 'project' : 'kpi',
      p.itemId,
      q.fiscalYear,
    );
    return this.send(res, trail, q.format, `audit-${p.wardId}-${p.itemId}`);
  }

  @Get('verification')
  @ApiOperation({ summary: '改ざん検証（ハッシュチェーンと公表時のチェーンヘッド）/ verify the history' })
  @ApiOkResponse({ schema: VERIFICATION_JSON })
  verify(@Param() p: WardParams) {
    return this.audit.verify(p.wardId);
  }

  private send(res: FastifyReply, trail: TrailEntry[], format: 'json' | 'csv' | undefined, name: string) {
    if (format !== 'csv') return { entries: trail };
    res.header('Content-Type', 'text/csv; charset=utf-8');
    res.header('Content-Disposition', `attachment; filename="${name}.csv"`);
    return trailCsv(trail);
  }
}
