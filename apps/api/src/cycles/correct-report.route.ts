import { Body, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { CommandRequest, CommandRequestInfo } from '../commands/command-request';
import { ApiCommand } from '../http/openapi-commands';
import { CycleParams } from '../http/route-params';
import { CycleCommandResult } from './cycle.response.dto';
import { CycleCommands, CycleRoute } from './cycle-commands';
import { CorrectReportDto } from './cycle.request.dto';
import { PublicationService } from '../reports/publication.service';

/** The planning office publishes a corrected version of the report, with its reason; earlier versions stay readable. */
@CycleRoute()
export class CorrectReportRoute {
  constructor(
    private readonly cycles: CycleCommands,
    private readonly publications: PublicationService,
  ) {}

  @Post('corrections')
  @Roles('planning_office')
  @ApiCommand(CycleCommandResult)
  @ApiOperation({
    operationId: 'cyclesCorrect',
    summary: '訂正版を公表（理由付き、旧版も閲覧可）/ publish a correction',
  })
  async correct(
    @Param() p: CycleParams,
    @Body() body: CorrectReportDto,
    @CommandRequestInfo() r: CommandRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    // The decision's context, as for the first version: the report's data pinned at one position of the views.
    const now = this.cycles.now();
    const draft = await this.publications.draft(p.wardId, p.fiscalYear, now);
    const change = { type: 'CorrectReport' as const, data: { ...draft, reason: body.reason ?? '' } };
    return this.cycles.answer(res, p, await this.cycles.run(p, change, r, now));
  }
}
