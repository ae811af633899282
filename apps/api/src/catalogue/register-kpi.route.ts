import { Body, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { CommandRequest, CommandRequestInfo } from '../commands/command-request';
import { ApiCommand } from '../http/openapi-commands';
import { WardParams } from '../http/route-params';
import { CatalogueCommands, CatalogueRoute } from './catalogue-commands';
import { KpiDto } from './catalogue.request.dto';
import { kpiData } from './kpi-data';

/** Registers a KPI of a plan with its baseline and target. */
@CatalogueRoute()
export class RegisterKpiRoute {
  constructor(private readonly catalogue: CatalogueCommands) {}

  @Post('kpis')
  @Roles('planning_office')
  @ApiCommand()
  @ApiOperation({ operationId: 'catalogueRegisterKpi', summary: '指標を登録 / register a KPI' })
  registerKpi(
    @Param() p: WardParams,
    @Body() body: KpiDto,
    @CommandRequestInfo() r: CommandRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return this.catalogue.respond(res, p.wardId, { type: 'RegisterKpi', data: kpiData(body) }, r);
  }
}
