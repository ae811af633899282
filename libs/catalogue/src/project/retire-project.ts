import type { CatalogueCommandOf } from '../catalogue.commands';
import { unknownEntry } from '../catalogue.errors';
import type { CatalogueEvent } from '../catalogue.events';
import type { CatalogueState } from '../catalogue.state';

export type RetireProject = CatalogueCommandOf<'RetireProject', { projectId: string; reason: string }>;

/** A retired project keeps its history and results; it takes no more changes. Retiring twice is a no-op. */
export function decideRetireProject({ data }: RetireProject, state: CatalogueState): CatalogueEvent[] {
  const project = state.projects[data.projectId];
  if (!project) throw unknownEntry('project', data.projectId);
  return project.retired ? [] : [{ type: 'ProjectRetired', data }];
}
