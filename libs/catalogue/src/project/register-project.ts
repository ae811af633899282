import type { CatalogueCommandOf } from '../catalogue.commands';
import { alreadyRegistered, repostAtHome } from '../catalogue.errors';
import type { CatalogueEvent, PlanPlacement, ProjectData } from '../catalogue.events';
import { requireKnown, samePlace } from '../catalogue.guards';
import type { CatalogueState } from '../catalogue.state';

export type RegisterProject = CatalogueCommandOf<'RegisterProject', ProjectData & { reposts?: PlanPlacement[] }>;

/**
 * A project (取組) in its home plan, with the other plans that repost it (再掲): one project placed
 * several times, so that its result is entered once. A repost named twice is recorded once.
 */
export function decideRegisterProject({ data }: RegisterProject, state: CatalogueState): CatalogueEvent[] {
  const { reposts = [], ...project } = data;
  if (state.projects[project.projectId]) throw alreadyRegistered('project', project.projectId);
  requireKnown(state, 'plan', project.home.planId);
  requireKnown(state, 'section', project.sectionId);
  const events: CatalogueEvent[] = [{ type: 'ProjectRegistered', data: project }];
  const placed: PlanPlacement[] = [];
  for (const placement of reposts) {
    requireKnown(state, 'plan', placement.planId);
    if (samePlace(placement, project.home)) throw repostAtHome(project.projectId);
    if (placed.some((p) => samePlace(p, placement))) continue;
    placed.push(placement);
    events.push({ type: 'ProjectReposted', data: { projectId: project.projectId, placement } });
  }
  return events;
}
