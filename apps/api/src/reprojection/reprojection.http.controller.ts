import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { READERS } from '../access/read-policy';
import { Roles } from '../auth/auth.decorators';
import { CycleParams } from '../http/route-params';
import { RuleRevisionDto } from './reprojection.request.dto';
import { ReprojectionService } from './reprojection.service';

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
  @ApiOperation({ summary: '改定したルール（Bの内訳の分割・統合、評価の表記）で過去の年度を集計し、元の集計と並べる（イベントは書き換えない）/ a year counted under revised rules, side by side' })
  sideBySide(@Param() p: CycleParams, @Body() body: RuleRevisionDto) {
    return this.reprojection.sideBySide(p.wardId, p.fiscalYear, body);
  }
}
