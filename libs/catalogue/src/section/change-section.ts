import type { CatalogueCommandOf } from '../catalogue.commands';
import { unknownEntry } from '../catalogue.errors';
import type { CatalogueEvent, SectionData } from '../catalogue.events';
import { unchanged, withoutUndefined } from '../catalogue.guards';
import type { CatalogueState } from '../catalogue.state';

export type ChangeSection = CatalogueCommandOf<'ChangeSection', SectionData>;

/** Fields left out keep their value (e-mail addresses are easy to lose otherwise). */
export function decideChangeSection({ data }: ChangeSection, state: CatalogueState): CatalogueEvent[] {
  const current = state.sections[data.sectionId];
  if (!current) throw unknownEntry('section', data.sectionId);
  const changed = { ...current, ...withoutUndefined(data) };
  return unchanged(current, changed) ? [] : [{ type: 'SectionChanged', data: changed }];
}
