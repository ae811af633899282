import { applyDecorators, Controller, Injectable } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ItemView, itemView } from '@pdca/projections';
import { evaluationDecider, evaluationStream } from '@pdca/review';
import type { EvaluationCommand, EvaluationEvent, ItemKind, ItemRef } from '@pdca/review';
import type { ContextReads } from '@pdca/event-store';
import type { CommandRequest } from '../commands/command-request';
import { commandResponse } from '../commands/command-response';
import { CommandOutcome, CommandRunner } from '../commands/command-runner.service';
import type { ItemParams } from '../http/route-params';
import { ProjectionsService } from '../projections/projections.service';
import { EvaluationContextLoader } from './evaluation-context.loader';

type WithoutContext<C> = C extends unknown ? Omit<C, 'context'> : never;
/** A command on one item as a route slice, the workbook upload or the demo states it: the context is read here. */
export type ItemCommand = WithoutContext<EvaluationCommand>;
export type ItemOutcome = CommandOutcome<EvaluationEvent> & { item?: ItemView };

/**
 * What every command on one item of one fiscal year shares: it is decided on the item's own stream
 * (evaluationStream), with the context read from the cycle and catalogue streams
 * (EvaluationContextLoader) inside that stream's queue, and answers with the item as the views show it.
 */
@Injectable()
export class ItemCommands {
  constructor(
    private readonly runner: CommandRunner,
    private readonly contexts: EvaluationContextLoader,
    private readonly projections: ProjectionsService,
  ) {}

  async run(ref: ItemRef, command: ItemCommand, request: CommandRequest): Promise<ItemOutcome> {
    const now = this.runner.now();
    const load = async (reads: ContextReads) => ({
      ...command,
      context: await this.contexts.load(ref, request.actor, now, reads),
    });
    // An item nobody has touched this year (the first draft or submission of each) is not read: the
    // append holds it to being new, and anything else is decided again on a read (FirstAttempt).
    const presumedNew = !this.itemModel(ref);
    const stream = evaluationStream(ref);
    const outcome = await this.runner.run(stream, evaluationDecider, load, request, command.type, { presumedNew });
    return { ...outcome, item: itemView(this.projections.ward(ref.wardId), ref.fiscalYear, ref.kind, ref.itemId, now) };
  }

  private itemModel(ref: ItemRef) {
    return this.projections.ward(ref.wardId).cycles.get(ref.fiscalYear)?.items[ref.kind].get(ref.itemId);
  }

  /** The HTTP answer of an item route: ETag, X-Position, 200 or 202, and the item afterwards. */
  async respond(response: FastifyReply, ref: ItemRef, command: ItemCommand, request: CommandRequest) {
    const outcome = await this.run(ref, command, request);
    return commandResponse(response, outcome, { item: outcome.item });
  }
}

/** What every item route slice shares: the path it hangs under, its OpenAPI tag and bearer auth. */
export const ItemRoute = () =>
  applyDecorators(
    ApiTags('evaluations（実績・評価・審査）'),
    ApiBearerAuth(),
    Controller('wards/:wardId/cycles/:fiscalYear'),
  );

export const itemRef = (p: ItemParams, kind: ItemKind): ItemRef => ({
  wardId: p.wardId,
  fiscalYear: p.fiscalYear,
  kind,
  itemId: p.itemId,
});
