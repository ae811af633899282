import { Body, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { CommandRequest, CommandRequestInfo } from '../commands/command-request';
import { ApiCommand } from '../http/openapi-commands';
import { CycleParams } from '../http/route-params';
import { CycleCommandResult } from './cycle.response.dto';
import { CycleCommands, CycleRoute } from './cycle-commands';
import { ExcludeItemDto } from './cycle.request.dto';

/** The planning office takes a project or KPI out of the year's scope, with its reason. */
@CycleRoute()
export class ExcludeItemRoute {
  constructor(private readonly cycles: CycleCommands) {}

  @Post('exclusions')
  @Roles('planning_office')
  @ApiCommand(CycleCommandResult)
  @ApiOperation({
    operationId: 'cyclesExclude',
    summary: '取組・指標を年度の対象から除外（理由付き）/ take an item out of scope',
  })
  exclude(
    @Param() p: CycleParams,
    @Body() body: ExcludeItemDto,
    @CommandRequestInfo() r: CommandRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const data = { kind: body.kind, itemId: body.itemId, reason: body.reason };
    return this.cycles.respond(res, p, { type: 'ExcludeItem', data }, r);
  }
}
