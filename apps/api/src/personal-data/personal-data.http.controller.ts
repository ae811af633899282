import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Actor } from '@pdca/kernel';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { ApiErrors } from '../http/openapi-errors';
import { arrayOf, jsonObject } from '../http/openapi-loose';
import { WardParams } from '../http/route-params';
import { ErasureRequestDto } from './erasure.request.dto';
import { PersonalDataService } from './personal-data.service';

const PLACE = jsonObject(
  '文があった場所（文そのものは含まない。dryRun では text も）/ where a text was (never the text; a dry run adds text)',
  ['eventId', 'stream', 'position', 'type', 'field', 'recordedAt'],
);
const OUTCOME_JSON = jsonObject('消去の結果 / the erasure', ['dryRun', 'texts'], {
  dryRun: { type: 'boolean' },
  position: { type: 'integer', description: '消去を記録したイベントの位置 / the erasure event’s position' },
  texts: arrayOf(PLACE, '消去した（dryRun: 該当する）文 / the texts erased (dry run: matching)'),
  notErasable: arrayOf(
    PLACE,
    'dryRun: 暗号化の導入前に記録され消去できない文（含めると 409）/ texts stored before sealing, not erasable (409)',
  ),
});
const ERASURES_JSON = jsonObject('自治体の消去の記録 / the ward’s erasures', ['erasures'], {
  erasures: arrayOf(
    jsonObject('1回の消去 / one erasure', ['position', 'erasedAt', 'actor', 'role', 'reason', 'texts']),
    '古い順 / oldest first',
  ),
});

/**
 * Personal data in notes and comments, erased on request (APPI): the texts' keys are destroyed,
 * every view shows 「［個人情報のため削除］」 where they were, and the history still verifies.
 */
@ApiTags('personal-data（個人情報）')
@ApiBearerAuth()
@Controller('wards/:wardId/personal-data/erasures')
@ApiErrors(400, 401, 403)
export class PersonalDataHttpController {
  constructor(private readonly personalData: PersonalDataService) {}

  @Post()
  @HttpCode(200)
  @Roles('planning_office')
  @ApiOperation({
    summary:
      '備考・コメント・理由などの個人情報を消去する（鍵を破棄。履歴の検証は壊れない）/ erase personal data in texts',
  })
  @ApiOkResponse({ schema: OUTCOME_JSON })
  @ApiErrors(404, 409)
  async erase(
    @Param() p: WardParams,
    @Body() body: ErasureRequestDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const outcome = await this.personalData.erase(p.wardId, body, actor);
    // As a command's: a read with ?minPosition= on any API process shows the views without the texts.
    if (outcome.position !== undefined) res.header('X-Position', String(outcome.position));
    return outcome;
  }

  @Get()
  @Roles('planning_office', 'auditor')
  @ApiOperation({
    summary: '個人情報の消去の記録（いつ・誰が・なぜ・どこを。文そのものは含まない）/ the erasures made',
  })
  @ApiOkResponse({ schema: ERASURES_JSON })
  list(@Param() p: WardParams) {
    return this.personalData.erasures(p.wardId);
  }
}
