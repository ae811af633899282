import { Body, Param, Put, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { CommandRequest, CommandRequestInfo } from '../commands/command-request';
import { ApiCommand } from '../http/openapi-commands';
import { CatalogueCommands, CatalogueRoute } from './catalogue-commands';
import { AnnualPlanDto, AnnualPlanParams } from './catalogue.request.dto';

/** Sets a project's plan and target for one fiscal year (年度別取組計画). */
@CatalogueRoute()
export class SetAnnualPlanRoute {
  constructor(private readonly catalogue: CatalogueCommands) {}

  @Put('projects/:projectId/annual-plans/:fiscalYear')
  @Roles('planning_office')
  @ApiCommand()
  @ApiOperation({
    operationId: 'catalogueSetAnnualPlan',
    summary: '年度別取組計画（当初計画・目標）/ the annual plan of a project',
  })
  setAnnualPlan(
    @Param() p: AnnualPlanParams,
    @Body() body: AnnualPlanDto,
    @CommandRequestInfo() r: CommandRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const data = { projectId: p.projectId, fiscalYear: p.fiscalYear, ...body };
    return this.catalogue.respond(res, p.wardId, { type: 'SetAnnualPlan', data }, r);
  }
}
