import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  CatalogueCommand,
  CatalogueEvent,
  decideCatalogueBatch,
  emptyCatalogue,
  evolveCatalogue,
  foldCatalogue,
} from '@pdca/catalogue';
import type { CommandRequest } from '../commands/command-request';
import { CommandOutcome, CommandRunner } from '../commands/command-runner.service';

type WithoutActor<C> = C extends unknown ? Omit<C, 'actor'> : never;
export type CatalogueChange = WithoutActor<CatalogueCommand>;

export const catalogueStream = (wardId: string) => `catalogue-${wardId}`;

/** One or more catalogue commands decided together on the ward's catalogue stream. */
export class ChangeCatalogueCommand {
  constructor(
    readonly wardId: string,
    readonly changes: CatalogueChange[],
    readonly request: CommandRequest,
    readonly label: string,
  ) {}
}

interface Batch {
  type: string;
  commands: CatalogueCommand[];
}

const batchDecider = {
  decide: (batch: Batch, state: ReturnType<typeof emptyCatalogue>) => decideCatalogueBatch(batch.commands, state),
  evolve: evolveCatalogue,
  initialState: emptyCatalogue,
  fold: (events: CatalogueEvent[]) => foldCatalogue(events),
};

@CommandHandler(ChangeCatalogueCommand)
export class ChangeCatalogueHandler implements ICommandHandler<ChangeCatalogueCommand, CommandOutcome<CatalogueEvent>> {
  constructor(private readonly runner: CommandRunner) {}

  execute({ wardId, changes, request, label }: ChangeCatalogueCommand): Promise<CommandOutcome<CatalogueEvent>> {
    const commands = changes.map((change) => ({ ...change, actor: request.actor }));
    return this.runner.run(catalogueStream(wardId), batchDecider, { type: label, commands }, request);
  }
}
