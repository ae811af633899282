import type { CatalogueCommandOf } from '../catalogue.commands';
import { unknownEntry } from '../catalogue.errors';
import type { CatalogueEvent, PlanPlacement } from '../catalogue.events';
import { samePlace } from '../catalogue.guards';
import type { CatalogueState } from '../catalogue.state';

export type WithdrawRepost = CatalogueCommandOf<'WithdrawRepost', { projectId: string; placement: PlanPlacement }>;

/** Takes a repost back (an import's reversion does): a place the project does not hold decides nothing. */
export function decideWithdrawRepost({ data }: WithdrawRepost, state: CatalogueState): CatalogueEvent[] {
  const project = state.projects[data.projectId];
  if (!project) throw unknownEntry('project', data.projectId);
  return project.reposts.some((p) => samePlace(p, data.placement)) ? [{ type: 'RepostWithdrawn', data }] : [];
}
