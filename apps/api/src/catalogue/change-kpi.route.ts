import { Body, Param, Put, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/auth.decorators';
import { CommandRequest, CommandRequestInfo } from '../commands/command-request';
import { ApiCommand } from '../http/openapi-commands';
import { CatalogueCommands, CatalogueRoute } from './catalogue-commands';
import { KpiDto } from './catalogue.request.dto';
import { EntryParams } from './entry-params';
import { kpiData } from './kpi-data';

/** Changes a registered KPI. */
@CatalogueRoute()
export class ChangeKpiRoute {
  constructor(private readonly catalogue: CatalogueCommands) {}

  @Put('kpis/:entryId')
  @Roles('planning_office')
  @ApiCommand()
  @ApiOperation({ operationId: 'catalogueChangeKpi', summary: '指標を変更 / change a KPI' })
  changeKpi(
    @Param() p: EntryParams,
    @Body() body: KpiDto,
    @CommandRequestInfo() r: CommandRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return this.catalogue.respond(
      res,
      p.wardId,
      { type: 'ChangeKpi', data: { ...kpiData(body), kpiId: p.entryId } },
      r,
    );
  }
}
