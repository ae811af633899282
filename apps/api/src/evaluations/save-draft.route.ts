import { Body, Param, Put, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { CommandRequest, CommandRequestInfo } from '../commands/command-request';
import { ApiCommand } from '../http/openapi-commands';
import { ItemParams } from '../http/route-params';
import { KpiDraftDto, ProjectDraftDto } from './evaluation.request.dto';
import { ItemCommandResult } from './evaluation.response.dto';
import { ItemCommands, ItemRoute, itemRef } from './item-commands';
import { kpiActual, projectActual } from './actual.mapper';
import { toRating } from './rating.mapper';

/** Do: the owning section keeps an unfinished actual or rating; nothing is submitted. */
@ItemRoute()
export class SaveDraftRoute {
  constructor(private readonly items: ItemCommands) {}

  @Put('projects/:itemId/draft')
  @Roles('section_staff')
  @ApiCommand(ItemCommandResult)
  @ApiOperation({ operationId: 'evaluationsSaveProjectDraft', summary: '取組の下書きを保存 / save a project draft' })
  saveProjectDraft(
    @Param() p: ItemParams,
    @Body() body: ProjectDraftDto,
    @CommandRequestInfo() r: CommandRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const draft = { actual: body.actual && projectActual(body.actual), rating: body.rating && toRating(body.rating) };
    return this.items.respond(res, itemRef(p, 'project'), { type: 'SaveDraft', data: { draft } }, r);
  }

  @Put('kpis/:itemId/draft')
  @Roles('section_staff')
  @ApiCommand(ItemCommandResult)
  @ApiOperation({ operationId: 'evaluationsSaveKpiDraft', summary: '指標の下書きを保存 / save a KPI draft' })
  saveKpiDraft(
    @Param() p: ItemParams,
    @Body() body: KpiDraftDto,
    @CommandRequestInfo() r: CommandRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const draft = { actual: body.actual && kpiActual(body.actual), rating: body.rating && toRating(body.rating) };
    return this.items.respond(res, itemRef(p, 'kpi'), { type: 'SaveDraft', data: { draft } }, r);
  }
}
