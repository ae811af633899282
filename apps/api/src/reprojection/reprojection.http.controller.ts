import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { READERS } from '../access/read-policy';
import { Roles } from '../auth/auth.decorators';
import { ApiErrors } from '../http/openapi-errors';
import { jsonObject } from '../http/openapi-loose';
import { CycleParams } from '../http/route-params';
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
 * the cycle (the current year holds unpublished work).
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
  @ApiOkResponse({ schema: SIDE_BY_SIDE_JSON })
  @ApiErrors(400, 401, 403, 404, 422)
  sideBySide(@Param() p: CycleParams, @Body() body: RuleRevisionDto) {
    return this.reprojection.sideBySide(p.wardId, p.fiscalYear, body);
  }
}
