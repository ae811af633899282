import type { CatalogueCommandOf } from '../catalogue.commands';
import { repostAtHome } from '../catalogue.errors';
import type { CatalogueEvent, PlanPlacement } from '../catalogue.events';
import { activeProject, requireKnown, samePlace, samePrint } from '../catalogue.guards';
import type { CatalogueState } from '../catalogue.state';

export type RepostProject = CatalogueCommandOf<'RepostProject', { projectId: string; placement: PlanPlacement }>;

/** Places a project in another plan too (再掲), under the label and part the ward prints there. */
export function decideRepostProject({ data }: RepostProject, state: CatalogueState): CatalogueEvent[] {
  const { projectId, placement } = data;
  const project = activeProject(state, projectId);
  requireKnown(state, 'plan', placement.planId);
  if (samePlace(placement, project.home)) throw repostAtHome(projectId);
  // Reposting where it already is records only a new label or part (it then replaces the old one).
  if (project.reposts.some((existing) => samePlace(existing, placement) && samePrint(existing, placement))) return [];
  return [{ type: 'ProjectReposted', data: { projectId, placement } }];
}
