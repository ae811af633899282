import { assertNever } from '@pdca/kernel';
import type { CatalogueEvent } from './catalogue.events';
import { CatalogueState, emptyCatalogue } from './catalogue.state';

/** Pure: the state it is given is left as it was; only the map the event touches is copied. */
export function evolveCatalogue(state: CatalogueState, event: CatalogueEvent): CatalogueState {
  const map = MAP_OF[event.type];
  return applyCatalogueEvent({ ...state, [map]: { ...state[map] } }, event);
}

/**
 * A fold in linear time: the maps are copied once, then every event is applied to that private
 * copy. Copying a map per event (evolveCatalogue in a reduce) would make a ward's fold quadratic.
 */
export function foldCatalogue(
  events: readonly CatalogueEvent[],
  from: CatalogueState = emptyCatalogue(),
): CatalogueState {
  const owned = ownCopy(from);
  for (const event of events) applyCatalogueEvent(owned, event);
  return owned;
}

/** Fresh maps sharing the (never mutated) entries: a state that a fold or a batch may write into. */
export const ownCopy = (state: CatalogueState): CatalogueState => ({
  sections: { ...state.sections },
  pillars: { ...state.pillars },
  plans: { ...state.plans },
  projects: { ...state.projects },
  kpis: { ...state.kpis },
});

const MAP_OF: Record<CatalogueEvent['type'], keyof CatalogueState> = {
  SectionRegistered: 'sections',
  SectionChanged: 'sections',
  PillarRegistered: 'pillars',
  PillarChanged: 'pillars',
  PlanRegistered: 'plans',
  PlanChanged: 'plans',
  ProjectRegistered: 'projects',
  ProjectChanged: 'projects',
  ProjectReposted: 'projects',
  ProjectRetired: 'projects',
  AnnualPlanSet: 'projects',
  RepostWithdrawn: 'projects',
  AnnualPlanWithdrawn: 'projects',
  KpiRegistered: 'kpis',
  KpiChanged: 'kpis',
  KpiRetired: 'kpis',
};

/**
 * Writes the event into maps the caller owns (ownCopy, foldCatalogue, a projection's own read
 * model), never into an entry: entries are replaced, so every state that shares them stays as it was.
 */
export function applyCatalogueEvent(owned: CatalogueState, event: CatalogueEvent): CatalogueState {
  switch (event.type) {
    case 'SectionRegistered':
    case 'SectionChanged':
      owned.sections[event.data.sectionId] = event.data;
      return owned;
    case 'PillarRegistered':
    case 'PillarChanged':
      owned.pillars[event.data.pillarId] = event.data;
      return owned;
    case 'PlanRegistered':
    case 'PlanChanged':
      owned.plans[event.data.planId] = event.data;
      return owned;
    case 'ProjectRegistered':
      owned.projects[event.data.projectId] = { ...event.data, reposts: [], retired: false, annualPlans: {} };
      return owned;
    case 'ProjectChanged':
      owned.projects[event.data.projectId] = { ...owned.projects[event.data.projectId], ...event.data };
      return owned;
    case 'ProjectReposted': {
      const project = owned.projects[event.data.projectId];
      // At a place it already holds, a repost replaces the old placement (a new label or part).
      const { planId, sectionNo } = event.data.placement;
      const others = project.reposts.filter((p) => p.planId !== planId || p.sectionNo !== sectionNo);
      owned.projects[event.data.projectId] = { ...project, reposts: [...others, event.data.placement] };
      return owned;
    }
    case 'ProjectRetired':
      owned.projects[event.data.projectId] = { ...owned.projects[event.data.projectId], retired: true };
      return owned;
    case 'AnnualPlanSet': {
      const project = owned.projects[event.data.projectId];
      owned.projects[event.data.projectId] = {
        ...project,
        annualPlans: { ...project.annualPlans, [event.data.fiscalYear]: event.data },
      };
      return owned;
    }
    case 'KpiRegistered':
      owned.kpis[event.data.kpiId] = { ...event.data, retired: false };
      return owned;
    case 'KpiChanged':
      owned.kpis[event.data.kpiId] = { ...owned.kpis[event.data.kpiId], ...event.data };
      return owned;
    case 'KpiRetired':
      owned.kpis[event.data.kpiId] = { ...owned.kpis[event.data.kpiId], retired: true };
      return owned;
    case 'RepostWithdrawn': {
      const project = owned.projects[event.data.projectId];
      const { planId, sectionNo } = event.data.placement;
      owned.projects[event.data.projectId] = {
        ...project,
        reposts: project.reposts.filter((p) => p.planId !== planId || p.sectionNo !== sectionNo),
      };
      return owned;
    }
    case 'AnnualPlanWithdrawn': {
      const project = owned.projects[event.data.projectId];
      const { [event.data.fiscalYear]: _withdrawn, ...annualPlans } = project.annualPlans;
      owned.projects[event.data.projectId] = { ...project, annualPlans };
      return owned;
    }
    default:
      return assertNever(event, 'catalogue event');
  }
}
