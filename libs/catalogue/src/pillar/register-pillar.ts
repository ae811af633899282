import type { CatalogueCommandOf } from '../catalogue.commands';
import { alreadyRegistered } from '../catalogue.errors';
import type { CatalogueEvent, PillarData } from '../catalogue.events';
import type { CatalogueState } from '../catalogue.state';

export type RegisterPillar = CatalogueCommandOf<'RegisterPillar', PillarData>;

/** A pillar (基本目標) of the ward's plan: the top of the catalogue. */
export function decideRegisterPillar({ data }: RegisterPillar, state: CatalogueState): CatalogueEvent[] {
  if (state.pillars[data.pillarId]) throw alreadyRegistered('pillar', data.pillarId);
  return [{ type: 'PillarRegistered', data }];
}
