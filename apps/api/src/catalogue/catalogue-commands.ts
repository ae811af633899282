import { applyDecorators, Controller, Injectable } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  CatalogueCommand,
  CatalogueEvent,
  CatalogueState,
  decideCatalogueBatch,
  emptyCatalogue,
  evolveCatalogue,
} from '@pdca/catalogue';
import { foldCatalogue } from '@pdca/catalogue';
import type { CommandRequest } from '../commands/command-request';
import { commandResponse } from '../commands/command-response';
import { CommandOutcome, CommandRunner } from '../commands/command-runner.service';

type WithoutActor<C> = C extends unknown ? Omit<C, 'actor'> : never;
/** A catalogue command as a route slice, the import or the demo states it: the actor is the request's. */
export type CatalogueChange = WithoutActor<CatalogueCommand>;

export const catalogueStream = (wardId: string) => `catalogue-${wardId}`;

interface Batch {
  type: string;
  commands: CatalogueCommand[];
}

const batchDecider = {
  decide: (batch: Batch, state: CatalogueState) => decideCatalogueBatch(batch.commands, state),
  evolve: evolveCatalogue,
  initialState: emptyCatalogue,
  fold: (events: CatalogueEvent[]) => foldCatalogue(events),
};

/**
 * What every catalogue command shares: it is decided on the ward's one catalogue stream, needing no
 * other context than the actor. The demo decides several at once (all or none), labelled as one.
 */
@Injectable()
export class CatalogueCommands {
  constructor(private readonly runner: CommandRunner) {}

  run(
    wardId: string,
    changes: CatalogueChange[],
    request: CommandRequest,
    label: string = changes[0].type,
  ): Promise<CommandOutcome<CatalogueEvent>> {
    const commands = changes.map((change) => ({ ...change, actor: request.actor }));
    return this.runner.run(catalogueStream(wardId), batchDecider, { type: label, commands }, request);
  }

  /** The HTTP answer of a catalogue route: ETag, X-Position, 200 or 202. */
  async respond(response: FastifyReply, wardId: string, change: CatalogueChange, request: CommandRequest) {
    return commandResponse(response, await this.run(wardId, [change], request), {});
  }
}

/** What every catalogue route slice shares: the path it hangs under, its OpenAPI tag and bearer auth. */
export const CatalogueRoute = () =>
  applyDecorators(ApiTags('catalogue（計画体系）'), ApiBearerAuth(), Controller('wards/:wardId/catalogue'));
