import type { CatalogueCommandOf } from '../catalogue.commands';
import { unknownEntry } from '../catalogue.errors';
import type { CatalogueEvent, PillarData } from '../catalogue.events';
import { unchanged } from '../catalogue.guards';
import type { CatalogueState } from '../catalogue.state';

export type ChangePillar = CatalogueCommandOf<'ChangePillar', PillarData>;

export function decideChangePillar({ data }: ChangePillar, state: CatalogueState): CatalogueEvent[] {
  const current = state.pillars[data.pillarId];
  if (!current) throw unknownEntry('pillar', data.pillarId);
  return unchanged(current, data) ? [] : [{ type: 'PillarChanged', data }];
}
