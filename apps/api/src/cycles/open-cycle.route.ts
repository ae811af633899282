import { Body, Param, Post, Res } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DEFAULT_B_REASONS } from '@pdca/review';
import type { CycleScope } from '@pdca/review';
import { Roles } from '../auth/auth.decorators';
import { CatalogueReader } from '../catalogue/catalogue-reader.service';
import { CommandRequest, CommandRequestInfo } from '../commands/command-request';
import { ApiCommand } from '../http/openapi-commands';
import { CycleParams } from '../http/route-params';
import { CycleCommands, CycleRoute } from './cycle-commands';
import { OpenCycleDto } from './cycle.request.dto';
import { CycleCommandResult } from './cycle.response.dto';
import { deadlineInstant } from './deadline';

/** The planning office opens a fiscal year: which items, which rating scheme, the deadline, the reminders. */
@CycleRoute()
export class OpenCycleRoute {
  constructor(
    private readonly cycles: CycleCommands,
    private readonly catalogues: CatalogueReader,
  ) {}

  @Post()
  @Roles('planning_office')
  @ApiCommand(CycleCommandResult)
  @ApiOperation({ operationId: 'cyclesOpen', summary: '年度サイクルを開始（対象・評価方式・締切）/ open the cycle' })
  async open(
    @Param() p: CycleParams,
    @Body() body: OpenCycleDto,
    @CommandRequestInfo() r: CommandRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const scope = body.scope
      ? { projectIds: [...body.scope.projectIds], kpiIds: [...body.scope.kpiIds] }
      : await this.everyCurrentItem(p.wardId);
    const bReasons = body.bReasons?.map((x) => ({ code: x.code, label: x.label })) ?? [...DEFAULT_B_REASONS];
    const reminderPolicy = body.reminderPolicy && {
      ...body.reminderPolicy,
      daysBefore: [...body.reminderPolicy.daysBefore],
    };
    const ordinalScale = body.ordinalScale && {
      grades: body.ordinalScale.grades.map(({ code, label, labelEn }) => ({
        code,
        label,
        ...(labelEn !== undefined ? { labelEn } : {}),
      })),
      reasonRequired: [...body.ordinalScale.reasonRequired],
    };
    const data = {
      scheme: body.scheme,
      deadline: deadlineInstant(body.deadline),
      scope,
      bReasons,
      ...(ordinalScale ? { ordinalScale } : {}),
      reminderPolicy,
    };
    return this.cycles.respond(res, p, { type: 'OpenCycle', data }, r);
  }

  /** Without a scope the year covers every project and KPI not retired, as the catalogue stream holds them now. */
  private async everyCurrentItem(wardId: string): Promise<CycleScope> {
    const catalogue = await this.catalogues.current(wardId);
    return {
      projectIds: Object.values(catalogue.projects)
        .filter((x) => !x.retired)
        .map((x) => x.projectId),
      kpiIds: Object.values(catalogue.kpis)
        .filter((x) => !x.retired)
        .map((x) => x.kpiId),
    };
  }
}
