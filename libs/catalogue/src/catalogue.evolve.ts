import { assertNever } from '@pdca/kernel';
import type { CatalogueEvent } from './catalogue.events';
import type { CatalogueState } from './catalogue.state';

/**
 * Deterministic and I/O-free, but it updates the state it is given in place: a ward's catalogue
 * is folded thousands of times in projections and imports, and copying every map per event
 * would make that quadratic. Whoever folds owns the state (start from emptyCatalogue()).
 */
export function evolveCatalogue(state: CatalogueState, event: CatalogueEvent): CatalogueState {
  switch (event.type) {
    case 'SectionRegistered':
    case 'SectionChanged':
      state.sections[event.data.sectionId] = event.data;
      return state;
    case 'PillarRegistered':
    case 'PillarChanged':
      state.pillars[event.data.pillarId] = event.data;
      return state;
    case 'PlanRegistered':
    case 'PlanChanged':
      state.plans[event.data.planId] = event.data;
      return state;
    case 'ProjectRegistered':
      state.projects[event.data.projectId] = { ...event.data, reposts: [], retired: false, annualPlans: {} };
      return state;
    case 'ProjectChanged':
      Object.assign(state.projects[event.data.projectId], event.data);
      return state;
    case 'ProjectReposted':
      state.projects[event.data.projectId].reposts.push(event.data.placement);
      return state;
    case 'ProjectRetired':
      state.projects[event.data.projectId].retired = true;
      return state;
    case 'AnnualPlanSet':
      state.projects[event.data.projectId].annualPlans[event.data.fiscalYear] = event.data;
      return state;
    case 'KpiRegistered':
      state.kpis[event.data.kpiId] = { ...event.data, retired: false };
      return state;
    case 'KpiChanged':
      Object.assign(state.kpis[event.data.kpiId], event.data);
      return state;
    case 'KpiRetired':
      state.kpis[event.data.kpiId].retired = true;
      return state;
    case 'RepostWithdrawn': {
      const project = state.projects[event.data.projectId];
      const { planId, sectionNo } = event.data.placement;
      project.reposts = project.reposts.filter((p) => p.planId !== planId || p.sectionNo !== sectionNo);
      return state;
    }
    case 'AnnualPlanWithdrawn':
      delete state.projects[event.data.projectId].annualPlans[event.data.fiscalYear];
      return state;
    default:
      return assertNever(event, 'catalogue event');
  }
}
