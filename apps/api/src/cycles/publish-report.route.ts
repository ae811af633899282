import { Body, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { CommandRequest, CommandRequestInfo } from '../commands/command-request';
import { ApiCommand } from '../http/openapi-commands';
import { CycleParams } from '../http/route-params';
import { CycleCommandResult } from './cycle.response.dto';
import { CycleCommands, CycleRef, CycleRoute } from './cycle-commands';
import { NoteDto } from './cycle.request.dto';
import { PublicationService } from '../reports/publication.service';

/** The planning office publishes the year's report (its first version). */
@CycleRoute()
export class PublishReportRoute {
  constructor(
    private readonly cycles: CycleCommands,
    private readonly publications: PublicationService,
  ) {}

  @Post('publications')
  @Roles('planning_office')
  @ApiCommand(CycleCommandResult)
  @ApiOperation({ operationId: 'cyclesPublish', summary: '報告を公表（第1版）/ publish the report' })
  async publish(
    @Param() p: CycleParams,
    @Body() _body: NoteDto,
    @CommandRequestInfo() r: CommandRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return this.cycles.answer(res, p, await this.execute(p, r));
  }

  /**
   * The decision's context: the report's data pinned at one position of the views once they hold
   * every write so far, with the heads of the streams it draws on. The demo publishes here too.
   */
  async execute(cycle: CycleRef, request: CommandRequest) {
    const now = this.cycles.now();
    const draft = await this.publications.draft(cycle.wardId, cycle.fiscalYear, now);
    return this.cycles.run(cycle, { type: 'PublishReport', data: draft }, request, now);
  }
}
