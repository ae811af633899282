import { Body, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { CommandRequest, CommandRequestInfo } from '../commands/command-request';
import { ApiCommand } from '../http/openapi-commands';
import { ItemParams } from '../http/route-params';
import { KpiSubmissionDto, ProjectSubmissionDto } from './evaluation.request.dto';
import { ItemCommandResult } from './evaluation.response.dto';
import { ItemCommands, ItemRoute, itemRef } from './item-commands';
import { kpiActual, projectActual } from './actual.mapper';
import { toRating } from './rating.mapper';

/** Do: the owning section submits an item's actual (and its rating) for the council's review. */
@ItemRoute()
export class SubmitActualRoute {
  constructor(private readonly items: ItemCommands) {}

  @Post('projects/:itemId/submission')
  @Roles('section_staff')
  @ApiCommand(ItemCommandResult)
  @ApiOperation({ operationId: 'evaluationsSubmitProject', summary: '取組の実績を提出 / submit a project actual' })
  submitProject(
    @Param() p: ItemParams,
    @Body() body: ProjectSubmissionDto,
    @CommandRequestInfo() r: CommandRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const data = { actual: projectActual(body.actual), rating: body.rating && toRating(body.rating) };
    return this.items.respond(res, itemRef(p, 'project'), { type: 'SubmitActual', data }, r);
  }

  @Post('kpis/:itemId/submission')
  @Roles('section_staff')
  @ApiCommand(ItemCommandResult)
  @ApiOperation({ operationId: 'evaluationsSubmitKpi', summary: '指標の実績値を提出 / submit a KPI value' })
  submitKpi(
    @Param() p: ItemParams,
    @Body() body: KpiSubmissionDto,
    @CommandRequestInfo() r: CommandRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const data = { actual: kpiActual(body.actual), rating: body.rating && toRating(body.rating) };
    return this.items.respond(res, itemRef(p, 'kpi'), { type: 'SubmitActual', data }, r);
  }
}
