import { Body, Controller, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { CatalogueEvent } from '@pdca/catalogue';
import { parseMeasuredValue } from '@pdca/kernel';
import { Roles } from '../auth/auth.decorators';
import { CommandRequest, CommandRequestInfo } from '../commands/command-request';
import { commandResponse } from '../commands/command-response';
import type { CommandOutcome } from '../commands/command-runner.service';
import { ApiCommand, ETAG_HEADER } from '../http/openapi-commands';
import { ApiErrors } from '../http/openapi-errors';
import { ConsistencyQuery, WardParams } from '../http/route-params';
import { ProjectionsService } from '../projections/projections.service';
import { CatalogueDto } from './catalogue.response.dto';
import { CatalogueChange, ChangeCatalogueCommand } from './change-catalogue.command';
import {
  AnnualPlanDto,
  AnnualPlanParams,
  KpiDto,
  PillarDto,
  PlanDto,
  ProjectDto,
  RegisterProjectDto,
  RepostDto,
  RetireDto,
  SectionDto,
} from './catalogue.request.dto';
import { EntryParams } from './entry-params';

/** Plan: the ward's pillars, plans, projects, KPIs and sections. Only the planning office edits. */
@ApiTags('catalogue（計画体系）')
@ApiBearerAuth()
@Controller('wards/:wardId/catalogue')
export class CatalogueHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly projections: ProjectionsService,
  ) {}

  @Get()
  @ApiOperation({ summary: '計画体系（基本目標・戦略計画・取組・指標・事業実施課）/ the catalogue' })
  @ApiOkResponse({ type: CatalogueDto, headers: ETAG_HEADER })
  @ApiErrors(400, 401, 403, 503)
  async catalogue(@Param() p: WardParams, @Query() q: ConsistencyQuery, @Res({ passthrough: true }) res: FastifyReply) {
    await this.projections.requirePosition(q.minPosition);
    const ward = this.projections.ward(p.wardId);
    res.header('ETag', `"${ward.catalogueRevision}"`);
    return { revision: ward.catalogueRevision, ...ward.catalogue };
  }

  @Post('sections')
  @Roles('planning_office')
  @ApiCommand()
  @ApiOperation({ summary: '事業実施課を登録 / register a section' })
  registerSection(
    @Param() p: WardParams,
    @Body() body: SectionDto,
    @CommandRequestInfo() r: CommandRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return this.change(p, [{ type: 'RegisterSection', data: { ...body } }], r, res);
  }

  @Put('sections/:entryId')
  @Roles('planning_office')
  @ApiCommand()
  @ApiOperation({ summary: '事業実施課を変更 / change a section' })
  changeSection(
    @Param() p: EntryParams,
    @Body() body: SectionDto,
    @CommandRequestInfo() r: CommandRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return this.change(p, [{ type: 'ChangeSection', data: { ...body, sectionId: p.entryId } }], r, res);
  }

  @Post('pillars')
  @Roles('planning_office')
  @ApiCommand()
  @ApiOperation({ summary: '基本目標を登録 / register a pillar' })
  registerPillar(
    @Param() p: WardParams,
    @Body() body: PillarDto,
    @CommandRequestInfo() r: CommandRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return this.change(p, [{ type: 'RegisterPillar', data: { ...body } }], r, res);
  }

  @Post('plans')
  @Roles('planning_office')
  @ApiCommand()
  @ApiOperation({ summary: '戦略計画を登録 / register a plan' })
  registerPlan(
    @Param() p: WardParams,
    @Body() body: PlanDto,
    @CommandRequestInfo() r: CommandRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return this.change(p, [{ type: 'RegisterPlan', data: { ...body } }], r, res);
  }

  @Post('projects')
  @Roles('planning_office')
  @ApiCommand()
  @ApiOperation({ summary: '取組を登録（再掲先を含む）/ register a project with its reposts' })
  registerProject(
    @Param() p: WardParams,
    @Body() body: RegisterProjectDto,
    @CommandRequestInfo() r: CommandRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const { reposts, home, ...project } = body;
    return this.change(
      p,
      [{ type: 'RegisterProject', data: { ...project, home: { ...home }, reposts: reposts?.map((x) => ({ ...x })) } }],
      r,
      res,
    );
  }

  @Put('projects/:entryId')
  @Roles('planning_office')
  @ApiCommand()
  @ApiOperation({ summary: '取組を変更 / change a project' })
  changeProject(
    @Param() p: EntryParams,
    @Body() body: ProjectDto,
    @CommandRequestInfo() r: CommandRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return this.change(
      p,
      [{ type: 'ChangeProject', data: { ...body, home: { ...body.home }, projectId: p.entryId } }],
      r,
      res,
    );
  }

  @Post('projects/:entryId/reposts')
  @Roles('planning_office')
  @ApiCommand()
  @ApiOperation({ summary: '取組を他の戦略計画に再掲 / repost a project under another plan' })
  repost(
    @Param() p: EntryParams,
    @Body() body: RepostDto,
    @CommandRequestInfo() r: CommandRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return this.change(
      p,
      [{ type: 'RepostProject', data: { projectId: p.entryId, placement: { ...body.placement } } }],
      r,
      res,
    );
  }

  @Post('projects/:entryId/retirement')
  @Roles('planning_office')
  @ApiCommand()
  @ApiOperation({ summary: '取組を廃止（理由付き）/ retire a project' })
  retireProject(
    @Param() p: EntryParams,
    @Body() body: RetireDto,
    @CommandRequestInfo() r: CommandRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return this.change(p, [{ type: 'RetireProject', data: { projectId: p.entryId, reason: body.reason } }], r, res);
  }

  @Put('projects/:projectId/annual-plans/:fiscalYear')
  @Roles('planning_office')
  @ApiCommand()
  @ApiOperation({ summary: '年度別取組計画（当初計画・目標）/ the annual plan of a project' })
  setAnnualPlan(
    @Param() p: AnnualPlanParams,
    @Body() body: AnnualPlanDto,
    @CommandRequestInfo() r: CommandRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return this.change(
      p,
      [{ type: 'SetAnnualPlan', data: { projectId: p.projectId, fiscalYear: p.fiscalYear, ...body } }],
      r,
      res,
    );
  }

  @Post('kpis')
  @Roles('planning_office')
  @ApiCommand()
  @ApiOperation({ summary: '指標を登録 / register a KPI' })
  registerKpi(
    @Param() p: WardParams,
    @Body() body: KpiDto,
    @CommandRequestInfo() r: CommandRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return this.change(p, [{ type: 'RegisterKpi', data: kpiData(body) }], r, res);
  }

  @Put('kpis/:entryId')
  @Roles('planning_office')
  @ApiCommand()
  @ApiOperation({ summary: '指標を変更 / change a KPI' })
  changeKpi(
    @Param() p: EntryParams,
    @Body() body: KpiDto,
    @CommandRequestInfo() r: CommandRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return this.change(p, [{ type: 'ChangeKpi', data: { ...kpiData(body), kpiId: p.entryId } }], r, res);
  }

  @Post('kpis/:entryId/retirement')
  @Roles('planning_office')
  @ApiCommand()
  @ApiOperation({ summary: '指標を廃止（理由付き）/ retire a KPI' })
  retireKpi(
    @Param() p: EntryParams,
    @Body() body: RetireDto,
    @CommandRequestInfo() r: CommandRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return this.change(p, [{ type: 'RetireKpi', data: { kpiId: p.entryId, reason: body.reason } }], r, res);
  }

  private async change(p: WardParams, changes: CatalogueChange[], r: CommandRequest, res: FastifyReply) {
    const outcome = await this.commands.execute<ChangeCatalogueCommand, CommandOutcome<CatalogueEvent>>(
      new ChangeCatalogueCommand(p.wardId, changes, r, changes[0].type),
    );
    return commandResponse(res, outcome, {});
  }
}

function kpiData(body: KpiDto) {
  return {
    kpiId: body.kpiId,
    planId: body.planId,
    indicator: body.indicator,
    kind: body.kind,
    sectionId: body.sectionId,
    baseline: { value: parseMeasuredValue(body.baseline.value), asOf: body.baseline.asOf },
    target: { value: parseMeasuredValue(body.target.value), asOf: body.target.asOf },
  };
}
