import { Body, Controller, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { warekiFiscalYear } from '@pdca/kernel';
import { renderReprojectionHtml, SideBySide } from '@pdca/reporting';
import { READERS } from '../access/read-policy';
import { Roles } from '../auth/auth.decorators';
import { ApiErrors } from '../http/openapi-errors';
import { ApiOkFormats } from '../http/openapi-formats';
import { jsonObject } from '../http/openapi-loose';
import { CycleParams } from '../http/route-params';
import { ProvenanceQuery } from '../provenance/provenance-reply';
import { fileReply } from '../public/file-reply';
import { RuleRevisionDto } from './reprojection.request.dto';
import { ReprojectionService } from './reprojection.service';

const SIDE_BY_SIDE_JSON = jsonObject(
  '元の集計と改定後の集計、区分の移動 / the original summary, the revised one, and the moves between categories',
  ['fiscalYear', 'revision', 'original', 'revised', 'moves'],
  {
    fiscalYear: { type: 'integer' },
    revision: { type: 'string' },
    original: { type: 'object' },
    revised: { type: 'object' },
    moves: { type: 'array', items: { type: 'object' } },
  },
);

/**
 * Re-projection: a year's summary under the ward's revised rules beside the original. A POST only
 * because the rules travel in the body; it reads, and appends nothing. For the roles overseeing
 * the cycle (the current year holds unpublished work). ?format=html renders the two side by side as
 * a page the planning office can read and print (the same query as provenance's: json or html).
 */
@ApiTags('reports（報告）')
@ApiBearerAuth()
@Controller('wards/:wardId/cycles/:fiscalYear/report/reprojections')
@Roles(...READERS.wholeYearUnpublished)
export class ReprojectionHttpController {
  constructor(private readonly reprojection: ReprojectionService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary:
      '改定したルール（Bの内訳の分割・統合、評価の表記）で過去の年度を集計し、元の集計と並べる（イベントは書き換えない）/ a year counted under revised rules, side by side',
  })
  @ApiOkFormats('元の集計と改定後の集計（JSON / ?format=html の並べた表）/ side by side', SIDE_BY_SIDE_JSON, ['html'])
  @ApiErrors(400, 401, 403, 404, 422)
  async sideBySide(
    @Param() p: CycleParams,
    @Query() q: ProvenanceQuery,
    @Body() body: RuleRevisionDto,
  ): Promise<SideBySide | StreamableFile> {
    const side = await this.reprojection.sideBySide(p.wardId, p.fiscalYear, body);
    if (q.format !== 'html') return side;
    const title = `${warekiFiscalYear(p.fiscalYear)}（${p.fiscalYear}年度）の集計：元のルールと「${side.revision}」の比較`;
    return fileReply('text/html; charset=utf-8', renderReprojectionHtml(side, title));
  }
}
