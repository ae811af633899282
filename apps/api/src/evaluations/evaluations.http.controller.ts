import { Body, Controller, Param, Post, Put, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { parseMeasuredValue } from '@pdca/kernel';
import type { Actual, ItemKind, ItemRef } from '@pdca/review';
import { Roles } from '../auth/auth.decorators';
import { CommandRequest, CommandRequestInfo } from '../commands/command-request';
import { commandResponse } from '../commands/command-response';
import { ApiCommand } from '../http/openapi-commands';
import { ItemParams } from '../http/route-params';
import { ItemCommandResult } from './evaluation.response.dto';
import { EvaluateItemCommand } from './evaluate-item.command';
import type { EvaluationOutcome } from './evaluate-item.handler';
import {
  CorrectionDto,
  KpiDraftDto,
  KpiSubmissionDto,
  ProjectDraftDto,
  ProjectSubmissionDto,
  RateDto,
  ReviewDto,
  WithdrawDto,
} from './evaluation.request.dto';
import { toRating } from './rating.mapper';
import type { KpiActualDto, ProjectActualDto } from './evaluation.request.dto';

type Kind = 'projects' | 'kpis';
const KINDS: Record<Kind, ItemKind> = { projects: 'project', kpis: 'kpi' };

/** Do and Check on one project or KPI of a fiscal year. Every route is one command. */
@ApiTags('evaluations（実績・評価・審査）')
@ApiBearerAuth()
@Controller('wards/:wardId/cycles/:fiscalYear')
export class EvaluationsHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Put('projects/:itemId/draft')
  @Roles('section_staff')
  @ApiCommand(ItemCommandResult)
  @ApiOperation({ summary: '取組の下書きを保存 / save a project draft' })
  saveProjectDraft(
    @Param() p: ItemParams,
    @Body() body: ProjectDraftDto,
    @CommandRequestInfo() r: CommandRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const draft = { actual: body.actual && projectActual(body.actual), rating: body.rating && toRating(body.rating) };
    return this.send('projects', p, { type: 'SaveDraft', data: { draft } }, r, res);
  }

  @Put('kpis/:itemId/draft')
  @Roles('section_staff')
  @ApiCommand(ItemCommandResult)
  @ApiOperation({ summary: '指標の下書きを保存 / save a KPI draft' })
  saveKpiDraft(
    @Param() p: ItemParams,
    @Body() body: KpiDraftDto,
    @CommandRequestInfo() r: CommandRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const draft = { actual: body.actual && kpiActual(body.actual), rating: body.rating && toRating(body.rating) };
    return this.send('kpis', p, { type: 'SaveDraft', data: { draft } }, r, res);
  }

  @Post('projects/:itemId/submission')
  @Roles('section_staff')
  @ApiCommand(ItemCommandResult)
  @ApiOperation({ summary: '取組の実績を提出 / submit a project actual' })
  submitProject(
    @Param() p: ItemParams,
    @Body() body: ProjectSubmissionDto,
    @CommandRequestInfo() r: CommandRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return this.send(
      'projects',
      p,
      {
        type: 'SubmitActual',
        data: { actual: projectActual(body.actual), rating: body.rating && toRating(body.rating) },
      },
      r,
      res,
    );
  }

  @Post('kpis/:itemId/submission')
  @Roles('section_staff')
  @ApiCommand(ItemCommandResult)
  @ApiOperation({ summary: '指標の実績値を提出 / submit a KPI value' })
  submitKpi(
    @Param() p: ItemParams,
    @Body() body: KpiSubmissionDto,
    @CommandRequestInfo() r: CommandRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return this.send(
      'kpis',
      p,
      { type: 'SubmitActual', data: { actual: kpiActual(body.actual), rating: body.rating && toRating(body.rating) } },
      r,
      res,
    );
  }

  @Put(['projects/:itemId/rating', 'kpis/:itemId/rating'])
  @Roles('section_staff')
  @ApiCommand(ItemCommandResult)
  @ApiOperation({ summary: '進捗状況を評価 / rate' })
  rate(
    @Param() p: ItemParams,
    @Req() req: FastifyRequest,
    @Body() body: RateDto,
    @CommandRequestInfo() r: CommandRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return this.send(kindOf(req), p, { type: 'RateItem', data: { rating: toRating(body.rating) } }, r, res);
  }

  @Post(['projects/:itemId/withdrawal', 'kpis/:itemId/withdrawal'])
  @Roles('section_staff')
  @ApiCommand(ItemCommandResult)
  @ApiOperation({ summary: '審査前の提出を取り下げ / withdraw before review' })
  withdraw(
    @Param() p: ItemParams,
    @Req() req: FastifyRequest,
    @Body() body: WithdrawDto,
    @CommandRequestInfo() r: CommandRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return this.send(kindOf(req), p, { type: 'WithdrawSubmission', data: { reason: body.reason } }, r, res);
  }

  @Post(['projects/:itemId/review', 'kpis/:itemId/review'])
  @Roles('council_member')
  @ApiCommand(ItemCommandResult)
  @ApiOperation({ summary: '区政改革推進会議の審査（承認・差戻し・評価の調整）/ council review' })
  review(
    @Param() p: ItemParams,
    @Req() req: FastifyRequest,
    @Body() body: ReviewDto,
    @CommandRequestInfo() r: CommandRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const command =
      body.decision === 'approve'
        ? { type: 'ApproveSubmission' as const, data: { comment: body.comments } }
        : body.decision === 'return'
          ? { type: 'ReturnSubmission' as const, data: { comments: body.comments ?? '' } }
          : { type: 'AdjustRating' as const, data: { rating: toRating(body.rating!), reason: body.reason ?? '' } };
    return this.send(kindOf(req), p, command, r, res);
  }

  @Post(['projects/:itemId/correction', 'kpis/:itemId/correction'])
  @Roles('planning_office')
  @ApiCommand(ItemCommandResult)
  @ApiOperation({ summary: '公表後の訂正（理由付き）/ correct after publication' })
  correct(
    @Param() p: ItemParams,
    @Req() req: FastifyRequest,
    @Body() body: CorrectionDto,
    @CommandRequestInfo() r: CommandRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const actual: Actual | undefined = !body.actualText
      ? undefined
      : kindOf(req) === 'projects'
        ? { kind: 'project', text: body.actualText }
        : { kind: 'kpi', value: parseMeasuredValue(body.actualText), asOf: body.actualAsOf ?? '' };
    return this.send(
      kindOf(req),
      p,
      {
        type: 'CorrectEvaluation',
        data: { reason: body.reason, rating: body.rating && toRating(body.rating), actual },
      },
      r,
      res,
    );
  }

  private async send(
    kind: Kind,
    p: ItemParams,
    command: EvaluateItemCommand['command'],
    r: CommandRequest,
    res: FastifyReply,
  ) {
    const ref: ItemRef = { wardId: p.wardId, fiscalYear: p.fiscalYear, kind: KINDS[kind], itemId: p.itemId };
    const outcome = await this.commands.execute<EvaluateItemCommand, EvaluationOutcome>(
      new EvaluateItemCommand(ref, command, r),
    );
    return commandResponse(res, outcome, { item: outcome.item });
  }
}

const kindOf = (request: FastifyRequest): Kind =>
  /\/kpis\//.test(request.routeOptions.url ?? '') ? 'kpis' : 'projects';
const projectActual = (dto: ProjectActualDto): Actual => ({ kind: 'project', text: dto.text.trim() });
const kpiActual = (dto: KpiActualDto): Actual => ({
  kind: 'kpi',
  value: parseMeasuredValue(dto.value),
  asOf: dto.asOf.trim(),
});
