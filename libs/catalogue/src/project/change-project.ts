import type { CatalogueCommandOf } from '../catalogue.commands';
import type { CatalogueEvent, ProjectData } from '../catalogue.events';
import { activeProject, pick, requireKnown, unchanged } from '../catalogue.guards';
import type { CatalogueState } from '../catalogue.state';

export type ChangeProject = CatalogueCommandOf<'ChangeProject', ProjectData>;

/** A project's own facts; its reposts and annual plans have commands of their own. */
export function decideChangeProject({ data }: ChangeProject, state: CatalogueState): CatalogueEvent[] {
  const { projectId, name, home, sectionId, notSuitedForShortTermEvaluation } = data;
  const project = activeProject(state, projectId);
  requireKnown(state, 'plan', home.planId);
  requireKnown(state, 'section', sectionId);
  const changed = { projectId, name, home, sectionId, notSuitedForShortTermEvaluation };
  return unchanged(pick(project, changed), changed) ? [] : [{ type: 'ProjectChanged', data: changed }];
}
