import { Body, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { CommandRequest, CommandRequestInfo } from '../commands/command-request';
import { ApiCommand } from '../http/openapi-commands';
import { CycleParams } from '../http/route-params';
import { CycleCommandResult } from './cycle.response.dto';
import { CycleCommands, CycleRef, CycleRoute } from './cycle-commands';
import { CloseCycleDto } from './cycle.request.dto';
import { OutstandingItemsService } from './outstanding-items.service';

/** The planning office stops submissions; items sections still owe must be confirmed first. */
@CycleRoute()
export class CloseCycleRoute {
  constructor(
    private readonly cycles: CycleCommands,
    private readonly outstanding: OutstandingItemsService,
  ) {}

  @Post('closing')
  @Roles('planning_office')
  @ApiCommand(CycleCommandResult)
  @ApiOperation({
    operationId: 'cyclesClose',
    summary:
      '提出受付を締め切る（未提出があれば 409 OUTSTANDING_ITEMS で一覧、confirmOutstanding: true で締切）/ close submissions',
  })
  async close(
    @Param() p: CycleParams,
    @Body() body: CloseCycleDto,
    @CommandRequestInfo() r: CommandRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return this.cycles.answer(res, p, await this.execute(p, body.confirmOutstanding === true, r));
  }

  /**
   * The decision's context: the in-scope items sections still owe, from the views once they hold
   * every write so far (a report over every item of the year, not one stream). The demo closes here too.
   */
  async execute(cycle: CycleRef, confirmOutstanding: boolean, request: CommandRequest) {
    const now = this.cycles.now();
    const outstanding = await this.outstanding.of(cycle.wardId, cycle.fiscalYear, now);
    return this.cycles.run(cycle, { type: 'CloseCycle', data: { outstanding, confirmOutstanding } }, request, now);
  }
}
