import { Body, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { CommandRequest, CommandRequestInfo } from '../commands/command-request';
import { ApiCommand } from '../http/openapi-commands';
import { CycleParams } from '../http/route-params';
import { CycleCommandResult } from './cycle.response.dto';
import { CycleCommands, CycleRoute } from './cycle-commands';
import { ReopenCycleDto } from './cycle.request.dto';

/** The planning office takes submissions again for a closed, unpublished year, with its reason. */
@CycleRoute()
export class ReopenCycleRoute {
  constructor(private readonly cycles: CycleCommands) {}

  @Post('reopening')
  @Roles('planning_office')
  @ApiCommand(CycleCommandResult)
  @ApiOperation({
    operationId: 'cyclesReopen',
    summary: '締め切った（未公表の）年度の提出受付を再開（理由付き）/ reopen a closed cycle',
  })
  reopen(
    @Param() p: CycleParams,
    @Body() body: ReopenCycleDto,
    @CommandRequestInfo() r: CommandRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return this.cycles.respond(res, p, { type: 'ReopenCycle', data: { reason: body.reason } }, r);
  }
}
