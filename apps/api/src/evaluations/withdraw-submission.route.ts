import { Body, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { CommandRequest, CommandRequestInfo } from '../commands/command-request';
import { ApiCommand } from '../http/openapi-commands';
import { ItemParams } from '../http/route-params';
import { WithdrawDto } from './evaluation.request.dto';
import { ItemCommandResult } from './evaluation.response.dto';
import { ItemCommands, ItemRoute, itemRef } from './item-commands';

/** Do: the owning section takes a submission back before the council has reviewed it. */
@ItemRoute()
export class WithdrawSubmissionRoute {
  constructor(private readonly items: ItemCommands) {}

  @Post('projects/:itemId/withdrawal')
  @Roles('section_staff')
  @ApiCommand(ItemCommandResult)
  @ApiOperation({
    operationId: 'evaluationsWithdrawProject',
    summary: '審査前の提出を取り下げ / withdraw before review',
  })
  withdrawProject(
    @Param() p: ItemParams,
    @Body() body: WithdrawDto,
    @CommandRequestInfo() r: CommandRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return this.items.respond(
      res,
      itemRef(p, 'project'),
      { type: 'WithdrawSubmission', data: { reason: body.reason } },
      r,
    );
  }

  @Post('kpis/:itemId/withdrawal')
  @Roles('section_staff')
  @ApiCommand(ItemCommandResult)
  @ApiOperation({ operationId: 'evaluationsWithdrawKpi', summary: '審査前の提出を取り下げ / withdraw before review' })
  withdrawKpi(
    @Param() p: ItemParams,
    @Body() body: WithdrawDto,
    @CommandRequestInfo() r: CommandRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return this.items.respond(res, itemRef(p, 'kpi'), { type: 'WithdrawSubmission', data: { reason: body.reason } }, r);
  }
}
