import { applyDecorators, Controller, Injectable } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { cycleDecider, cycleStream } from '@pdca/review';
import type { CycleCommand, CycleEvent } from '@pdca/review';
import type { CommandRequest } from '../commands/command-request';
import { commandResponse } from '../commands/command-response';
import { CommandOutcome, CommandRunner } from '../commands/command-runner.service';
import { ProjectionsService } from '../projections/projections.service';

type WithoutContext<C> = C extends unknown ? Omit<C, 'context'> : never;
/** A cycle command as a route slice or the demo states it: the context (who, which year, when) is added here. */
export type CycleChange = WithoutContext<CycleCommand>;

export interface CycleRef {
  wardId: string;
  fiscalYear: number;
}

/**
 * What every command on a fiscal year's cycle shares: it is decided on the cycle's stream
 * (cycleStream) with who, which year and when as its context, and answers with the cycle afterwards.
 * A slice whose decision needs more (closing: what sections still owe; publishing: the report's
 * pinned data) reads it first and passes it in the command's data.
 */
@Injectable()
export class CycleCommands {
  constructor(
    private readonly runner: CommandRunner,
    private readonly projections: ProjectionsService,
  ) {}

  now(): Date {
    return this.runner.now();
  }

  run(
    { wardId, fiscalYear }: CycleRef,
    change: CycleChange,
    request: CommandRequest,
    now = this.now(),
  ): Promise<CommandOutcome<CycleEvent>> {
    const context = { actor: request.actor, wardId, fiscalYear, now: now.toISOString() };
    const command = { ...change, context };
    return this.runner.run(cycleStream(wardId, fiscalYear), cycleDecider, command, request);
  }

  /** The HTTP answer of a cycle route: ETag, X-Position, 200 or 202, and the cycle afterwards. */
  answer(response: FastifyReply, { wardId, fiscalYear }: CycleRef, outcome: CommandOutcome<CycleEvent>) {
    const cycle = this.projections.ward(wardId).cycles.get(fiscalYear)?.cycle;
    return commandResponse(response, outcome, { cycle });
  }

  async respond(response: FastifyReply, ref: CycleRef, change: CycleChange, request: CommandRequest) {
    return this.answer(response, ref, await this.run(ref, change, request));
  }
}

/** What every cycle route slice shares: the path it hangs under, its OpenAPI tag and bearer auth. */
export const CycleRoute = () =>
  applyDecorators(ApiTags('cycles（年度サイクル）'), ApiBearerAuth(), Controller('wards/:wardId/cycles/:fiscalYear'));
