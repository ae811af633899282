import { Body, Controller, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { fiscalYearLabel, notFound } from '@pdca/kernel';
import { CycleEvent, DEFAULT_B_REASONS } from '@pdca/review';
import { Roles } from '../auth/auth.decorators';
import { CommandRequest, CommandRequestInfo } from '../commands/command-request';
import { commandResponse } from '../commands/command-response';
import type { CommandOutcome } from '../commands/command-runner.service';
import { ApiCommand, ETAG_HEADER } from '../http/openapi-commands';
import { ApiErrors } from '../http/openapi-errors';
import { ConsistencyQuery, CycleParams } from '../http/route-params';
import { CycleCommandResult, CycleDto } from './cycle.response.dto';
import { ProjectionsService } from '../projections/projections.service';
import { RunCycleCommand } from './cycle.command';
import {
  ChangeReminderPolicyDto,
  CloseCycleDto,
  CorrectReportDto,
  ExcludeItemDto,
  ExtendDeadlineDto,
  NoteDto,
  OpenCycleDto,
  ReopenCycleDto,
} from './cycle.request.dto';
import { deadlineInstant } from './deadline';

/** The planning office runs the fiscal year's cycle. */
@ApiTags('cycles（年度サイクル）')
@ApiBearerAuth()
@Controller('wards/:wardId/cycles/:fiscalYear')
export class CyclesHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly projections: ProjectionsService,
  ) {}

  @Get()
  @ApiOperation({ summary: '年度サイクルの状態 / the cycle' })
  @ApiOkResponse({ type: CycleDto, headers: ETAG_HEADER })
  @ApiErrors(400, 401, 403, 404, 503)
  async cycle(@Param() p: CycleParams, @Query() q: ConsistencyQuery, @Res({ passthrough: true }) res: FastifyReply) {
    await this.projections.requirePosition(q.minPosition);
    const model = this.projections.ward(p.wardId).cycles.get(p.fiscalYear);
    if (!model || model.cycle.status === 'not_opened') {
      throw notFound(
        'CYCLE_NOT_FOUND',
        `${p.fiscalYear}年度のサイクルは開始されていません。`,
        `No review cycle has been opened for FY${p.fiscalYear}.`,
      );
    }
    res.header('ETag', `"${model.cycleRevision}"`);
    return { label: fiscalYearLabel(p.fiscalYear), revision: model.cycleRevision, ...model.cycle };
  }

  @Post()
  @Roles('planning_office')
  @ApiCommand(CycleCommandResult)
  @ApiOperation({ summary: '年度サイクルを開始（対象・評価方式・締切）/ open the cycle' })
  open(
    @Param() p: CycleParams,
    @Body() body: OpenCycleDto,
    @CommandRequestInfo() r: CommandRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const catalogue = this.projections.ward(p.wardId).catalogue;
    const scope = body.scope
      ? { projectIds: [...body.scope.projectIds], kpiIds: [...body.scope.kpiIds] }
      : {
          projectIds: Object.values(catalogue.projects)
            .filter((x) => !x.retired)
            .map((x) => x.projectId),
          kpiIds: Object.values(catalogue.kpis)
            .filter((x) => !x.retired)
            .map((x) => x.kpiId),
        };
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
    return this.run(p, { type: 'OpenCycle', data }, r, res);
  }

  @Post('deadline-extensions')
  @Roles('planning_office')
  @ApiCommand(CycleCommandResult)
  @ApiOperation({ summary: '締切を延長 / extend the deadline' })
  extend(
    @Param() p: CycleParams,
    @Body() body: ExtendDeadlineDto,
    @CommandRequestInfo() r: CommandRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return this.run(
      p,
      { type: 'ExtendDeadline', data: { deadline: deadlineInstant(body.deadline), reason: body.reason } },
      r,
      res,
    );
  }

  @Put('reminder-policy')
  @Roles('planning_office')
  @ApiCommand(CycleCommandResult)
  @ApiOperation({ summary: '督促の設定を変更 / change the reminder policy' })
  reminderPolicy(
    @Param() p: CycleParams,
    @Body() body: ChangeReminderPolicyDto,
    @CommandRequestInfo() r: CommandRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return this.run(
      p,
      {
        type: 'ChangeReminderPolicy',
        data: { reminderPolicy: { ...body.reminderPolicy, daysBefore: [...body.reminderPolicy.daysBefore] } },
      },
      r,
      res,
    );
  }

  @Post('closing')
  @Roles('planning_office')
  @ApiCommand(CycleCommandResult)
  @ApiOperation({
    summary:
      '提出受付を締め切る（未提出があれば 409 OUTSTANDING_ITEMS で一覧、confirmOutstanding: true で締切）/ close submissions',
  })
  close(
    @Param() p: CycleParams,
    @Body() body: CloseCycleDto,
    @CommandRequestInfo() r: CommandRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return this.run(p, { type: 'CloseCycle', data: { confirmOutstanding: body.confirmOutstanding === true } }, r, res);
  }

  @Post('reopening')
  @Roles('planning_office')
  @ApiCommand(CycleCommandResult)
  @ApiOperation({ summary: '締め切った（未公表の）年度の提出受付を再開（理由付き）/ reopen a closed cycle' })
  reopen(
    @Param() p: CycleParams,
    @Body() body: ReopenCycleDto,
    @CommandRequestInfo() r: CommandRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return this.run(p, { type: 'ReopenCycle', data: { reason: body.reason } }, r, res);
  }

  @Post('exclusions')
  @Roles('planning_office')
  @ApiCommand(CycleCommandResult)
  @ApiOperation({ summary: '取組・指標を年度の対象から除外（理由付き）/ take an item out of scope' })
  exclude(
    @Param() p: CycleParams,
    @Body() body: ExcludeItemDto,
    @CommandRequestInfo() r: CommandRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return this.run(
      p,
      { type: 'ExcludeItem', data: { kind: body.kind, itemId: body.itemId, reason: body.reason } },
      r,
      res,
    );
  }

  @Post('publications')
  @Roles('planning_office')
  @ApiCommand(CycleCommandResult)
  @ApiOperation({ summary: '報告を公表（第1版）/ publish the report' })
  publish(
    @Param() p: CycleParams,
    @Body() _body: NoteDto,
    @CommandRequestInfo() r: CommandRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return this.run(p, { type: 'PublishReport', data: {} }, r, res);
  }

  @Post('corrections')
  @Roles('planning_office')
  @ApiCommand(CycleCommandResult)
  @ApiOperation({ summary: '訂正版を公表（理由付き、旧版も閲覧可）/ publish a correction' })
  correct(
    @Param() p: CycleParams,
    @Body() body: CorrectReportDto,
    @CommandRequestInfo() r: CommandRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return this.run(p, { type: 'CorrectReport', data: { reason: body.reason } }, r, res);
  }

  private async run(p: CycleParams, change: RunCycleCommand['change'], r: CommandRequest, res: FastifyReply) {
    const outcome = await this.commands.execute<RunCycleCommand, CommandOutcome<CycleEvent>>(
      new RunCycleCommand(p.wardId, p.fiscalYear, change, r),
    );
    const cycle = this.projections.ward(p.wardId).cycles.get(p.fiscalYear)?.cycle;
    return commandResponse(res, outcome, { cycle });
  }
}
