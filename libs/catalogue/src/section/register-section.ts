import type { CatalogueCommandOf } from '../catalogue.commands';
import { alreadyRegistered } from '../catalogue.errors';
import type { CatalogueEvent, SectionData } from '../catalogue.events';
import type { CatalogueState } from '../catalogue.state';

export type RegisterSection = CatalogueCommandOf<'RegisterSection', SectionData>;

/** A section (課) that owns projects and KPIs, with the addresses its reminders go to. */
export function decideRegisterSection({ data }: RegisterSection, state: CatalogueState): CatalogueEvent[] {
  if (state.sections[data.sectionId]) throw alreadyRegistered('section', data.sectionId);
  return [{ type: 'SectionRegistered', data }];
}
