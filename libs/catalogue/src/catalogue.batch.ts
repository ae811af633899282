import type { CatalogueCommand } from './catalogue.commands';
import { decideCatalogue } from './catalogue.decide';
import type { CatalogueEvent } from './catalogue.events';
import { applyCatalogueEvent, ownCopy } from './catalogue.evolve';
import type { CatalogueState } from './catalogue.state';

/** Decides a list of commands as one unit (imports): each sees the effects of the ones before. The state given is left as it was. */
export function decideCatalogueBatch(commands: CatalogueCommand[], state: CatalogueState): CatalogueEvent[] {
  return decideCatalogueSteps(commands, state).events;
}

/** The same, with the catalogue as it is after the events, for the callers that go on deciding against it. */
export function decideCatalogueSteps(
  commands: CatalogueCommand[],
  state: CatalogueState,
): { events: CatalogueEvent[]; state: CatalogueState } {
  // A private copy of the maps: the batch writes its events into it, never into the state it was given.
  const working = ownCopy(state);
  const events: CatalogueEvent[] = [];
  for (const command of commands) {
    const decided = decideCatalogue(command, working);
    decided.forEach((event) => applyCatalogueEvent(working, event));
    events.push(...decided);
  }
  return { events, state: working };
}
