import { Body, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { parseMeasuredValue } from '@pdca/kernel';
import type { Actual, ItemKind } from '@pdca/review';
import { Roles } from '../auth/auth.decorators';
import { CommandRequest, CommandRequestInfo } from '../commands/command-request';
import { ApiCommand } from '../http/openapi-commands';
import { ItemParams } from '../http/route-params';
import { CorrectionDto } from './evaluation.request.dto';
import { ItemCommandResult } from './evaluation.response.dto';
import { ItemCommand, ItemCommands, ItemRoute, itemRef } from './item-commands';
import { toRating } from './rating.mapper';

const SUMMARY = '公表後の訂正（理由付き）/ correct after publication';

/** After publication the planning office corrects an item's rating or actual, with its reason. */
@ItemRoute()
export class CorrectEvaluationRoute {
  constructor(private readonly items: ItemCommands) {}

  @Post('projects/:itemId/correction')
  @Roles('planning_office')
  @ApiCommand(ItemCommandResult)
  @ApiOperation({ operationId: 'evaluationsCorrectProject', summary: SUMMARY })
  correctProject(
    @Param() p: ItemParams,
    @Body() body: CorrectionDto,
    @CommandRequestInfo() r: CommandRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return this.items.respond(res, itemRef(p, 'project'), correction('project', body), r);
  }

  @Post('kpis/:itemId/correction')
  @Roles('planning_office')
  @ApiCommand(ItemCommandResult)
  @ApiOperation({ operationId: 'evaluationsCorrectKpi', summary: SUMMARY })
  correctKpi(
    @Param() p: ItemParams,
    @Body() body: CorrectionDto,
    @CommandRequestInfo() r: CommandRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return this.items.respond(res, itemRef(p, 'kpi'), correction('kpi', body), r);
  }
}

function correction(kind: ItemKind, body: CorrectionDto): ItemCommand {
  const actual: Actual | undefined = !body.actualText
    ? undefined
    : kind === 'project'
      ? { kind: 'project', text: body.actualText }
      : { kind: 'kpi', value: parseMeasuredValue(body.actualText), asOf: body.actualAsOf ?? '' };
  return {
    type: 'CorrectEvaluation',
    data: { reason: body.reason, rating: body.rating && toRating(body.rating), actual },
  };
}
