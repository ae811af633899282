import { Body, Param, Put, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { CommandRequest, CommandRequestInfo } from '../commands/command-request';
import { ApiCommand } from '../http/openapi-commands';
import { ItemParams } from '../http/route-params';
import { RateDto } from './evaluation.request.dto';
import { ItemCommandResult } from './evaluation.response.dto';
import { ItemCommands, ItemRoute, itemRef } from './item-commands';
import { toRating } from './rating.mapper';

/** Check: the owning section rates its item's progress. */
@ItemRoute()
export class RateItemRoute {
  constructor(private readonly items: ItemCommands) {}

  @Put('projects/:itemId/rating')
  @Roles('section_staff')
  @ApiCommand(ItemCommandResult)
  @ApiOperation({ operationId: 'evaluationsRateProject', summary: '進捗状況を評価 / rate' })
  rateProject(
    @Param() p: ItemParams,
    @Body() body: RateDto,
    @CommandRequestInfo() r: CommandRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return this.items.respond(
      res,
      itemRef(p, 'project'),
      { type: 'RateItem', data: { rating: toRating(body.rating) } },
      r,
    );
  }

  @Put('kpis/:itemId/rating')
  @Roles('section_staff')
  @ApiCommand(ItemCommandResult)
  @ApiOperation({ operationId: 'evaluationsRateKpi', summary: '進捗状況を評価 / rate' })
  rateKpi(
    @Param() p: ItemParams,
    @Body() body: RateDto,
    @CommandRequestInfo() r: CommandRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return this.items.respond(res, itemRef(p, 'kpi'), { type: 'RateItem', data: { rating: toRating(body.rating) } }, r);
  }
}
