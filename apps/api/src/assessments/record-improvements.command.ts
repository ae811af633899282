import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { notFound } from '@pdca/kernel';
import { AssessmentEvent, assessmentDecider, assessmentStream, PlanAssessment, PlanRef } from '@pdca/review';
import type { CommandRequest } from '../commands/command-request';
import { CommandOutcome, CommandRunner } from '../commands/command-runner.service';
import { CycleReader } from '../cycles/cycle-reader.service';
import { ProjectionsService } from '../projections/projections.service';

/** Act: issues, improvements and next year's direction of one strategic plan. */
export class RecordImprovementsCommand {
  constructor(
    readonly plan: PlanRef,
    readonly assessment: PlanAssessment,
    readonly request: CommandRequest,
  ) {}
}

@CommandHandler(RecordImprovementsCommand)
export class RecordImprovementsHandler implements ICommandHandler<
  RecordImprovementsCommand,
  CommandOutcome<AssessmentEvent>
> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly cycles: CycleReader,
    private readonly projections: ProjectionsService,
  ) {}

  async execute({ plan, assessment, request }: RecordImprovementsCommand): Promise<CommandOutcome<AssessmentEvent>> {
    const cycle = await this.cycles.opened(plan.wardId, plan.fiscalYear);
    if (!this.projections.ward(plan.wardId).catalogue.plans[plan.planId]) {
      throw notFound(
        'PLAN_NOT_FOUND',
        `戦略計画「${plan.planId}」は登録されていません。`,
        `Strategic plan ${plan.planId} is not in the catalogue.`,
      );
    }
    const context = {
      actor: request.actor,
      plan,
      cycle: { status: cycle.status, scheme: cycle.scheme },
      now: this.runner.now().toISOString(),
    };
    return this.runner.run(
      assessmentStream(plan),
      assessmentDecider,
      { type: 'RecordImprovements', data: assessment, context },
      request,
    );
  }
}
