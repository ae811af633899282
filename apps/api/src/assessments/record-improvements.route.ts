import { Body, Controller, Param, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { notFound } from '@pdca/kernel';
import { assessmentDecider, assessmentStream } from '@pdca/review';
import type { PlanRef, RecordImprovements } from '@pdca/review';
import { Roles } from '../auth/auth.decorators';
import { CatalogueReader } from '../catalogue/catalogue-reader.service';
import { CommandRequest, CommandRequestInfo } from '../commands/command-request';
import { commandResponse } from '../commands/command-response';
import { CommandRunner } from '../commands/command-runner.service';
import { CycleReader } from '../cycles/cycle-reader.service';
import { ApiCommand } from '../http/openapi-commands';
import { AssessmentDto, PlanParams } from './assessment.request.dto';

/** Act: the planning office records a strategic plan's issues, improvements and next year's direction. */
@ApiTags('assessments（Act：課題と改善策）')
@ApiBearerAuth()
@Controller('wards/:wardId/cycles/:fiscalYear/plans/:planId/assessment')
export class RecordImprovementsRoute {
  constructor(
    private readonly runner: CommandRunner,
    private readonly cycles: CycleReader,
    private readonly catalogues: CatalogueReader,
  ) {}

  @Put()
  @Roles('planning_office')
  @ApiCommand()
  @ApiOperation({
    operationId: 'assessmentsRecord',
    summary: '戦略計画の課題・改善策・次年度の方向性を記録 / record improvements',
  })
  async record(
    @Param() p: PlanParams,
    @Body() body: AssessmentDto,
    @CommandRequestInfo() r: CommandRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const plan: PlanRef = { wardId: p.wardId, fiscalYear: p.fiscalYear, planId: p.planId };
    const context = await this.context(plan, r);
    const command = { type: 'RecordImprovements' as const, data: { ...body }, context };
    return commandResponse(res, await this.runner.run(assessmentStream(plan), assessmentDecider, command, r), {});
  }

  /** The cycle's status and scheme from its stream; the plan must be in the catalogue stream. */
  private async context(plan: PlanRef, request: CommandRequest): Promise<RecordImprovements['context']> {
    const [cycle, catalogue] = await Promise.all([
      this.cycles.opened(plan.wardId, plan.fiscalYear),
      this.catalogues.current(plan.wardId),
    ]);
    if (!Object.hasOwn(catalogue.plans, plan.planId)) {
      throw notFound(
        'PLAN_NOT_FOUND',
        `戦略計画「${plan.planId}」は登録されていません。`,
        `Strategic plan ${plan.planId} is not in the catalogue.`,
      );
    }
    return {
      actor: request.actor,
      plan,
      cycle: { status: cycle.status, scheme: cycle.scheme },
      now: this.runner.now().toISOString(),
    };
  }
}
