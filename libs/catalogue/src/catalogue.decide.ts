import { assertNever, assertSafeId, requireRole, sameJson } from '@pdca/kernel';
import type { CatalogueCommand } from './catalogue.commands';
import { alreadyRegistered, repostAtHome, retiredEntry, unknownEntry, unknownReference } from './catalogue.errors';
import type { CatalogueEvent, PlanPlacement } from './catalogue.events';
import { applyCatalogueEvent, evolveCatalogue, foldCatalogue, ownCopy } from './catalogue.evolve';
import { CatalogueState, emptyCatalogue } from './catalogue.state';

/** Only the planning office edits the catalogue. Unchanged data decides no events (idempotent). */
export function decideCatalogue(command: CatalogueCommand, state: CatalogueState): CatalogueEvent[] {
  requireRole(command.actor, 'planning_office');
  assertSafeIds(command.data as Record<string, unknown>);
  switch (command.type) {
    case 'RegisterSection':
      if (state.sections[command.data.sectionId]) throw alreadyRegistered('section', command.data.sectionId);
      return [{ type: 'SectionRegistered', data: command.data }];
    case 'ChangeSection': {
      const current = state.sections[command.data.sectionId];
      if (!current) throw unknownEntry('section', command.data.sectionId);
      // Fields left out keep their value (e-mail addresses are easy to lose otherwise).
      const data = { ...current, ...withoutUndefined(command.data) };
      return unchanged(current, data) ? [] : [{ type: 'SectionChanged', data }];
    }
    case 'RegisterPillar':
      if (state.pillars[command.data.pillarId]) throw alreadyRegistered('pillar', command.data.pillarId);
      return [{ type: 'PillarRegistered', data: command.data }];
    case 'ChangePillar':
      if (!state.pillars[command.data.pillarId]) throw unknownEntry('pillar', command.data.pillarId);
      return unchanged(state.pillars[command.data.pillarId], command.data)
        ? []
        : [{ type: 'PillarChanged', data: command.data }];
    case 'RegisterPlan':
      if (state.plans[command.data.planId]) throw alreadyRegistered('plan', command.data.planId);
      requireKnown(state, 'pillar', command.data.pillarId);
      return [{ type: 'PlanRegistered', data: command.data }];
    case 'ChangePlan':
      if (!state.plans[command.data.planId]) throw unknownEntry('plan', command.data.planId);
      requireKnown(state, 'pillar', command.data.pillarId);
      return unchanged(state.plans[command.data.planId], command.data)
        ? []
        : [{ type: 'PlanChanged', data: command.data }];
    case 'RegisterProject':
      return registerProject(command.data, state);
    case 'ChangeProject': {
      const { projectId, name, home, sectionId, notSuitedForShortTermEvaluation } = command.data;
      const project = activeProject(state, projectId);
      requireKnown(state, 'plan', home.planId);
      requireKnown(state, 'section', sectionId);
      const data = { projectId, name, home, sectionId, notSuitedForShortTermEvaluation };
      return unchanged(pick(project, data), data) ? [] : [{ type: 'ProjectChanged', data }];
    }
    case 'RepostProject':
      return repost(state, command.data.projectId, command.data.placement);
    case 'RetireProject':
      if (!state.projects[command.data.projectId]) throw unknownEntry('project', command.data.projectId);
      return state.projects[command.data.projectId].retired ? [] : [{ type: 'ProjectRetired', data: command.data }];
    case 'RegisterKpi':
      if (state.kpis[command.data.kpiId]) throw alreadyRegistered('kpi', command.data.kpiId);
      requireKnown(state, 'plan', command.data.planId);
      requireKnown(state, 'section', command.data.sectionId);
      return [{ type: 'KpiRegistered', data: command.data }];
    case 'ChangeKpi': {
      const kpi = state.kpis[command.data.kpiId];
      if (!kpi) throw unknownEntry('kpi', command.data.kpiId);
      if (kpi.retired) throw retiredEntry('kpi', command.data.kpiId);
      requireKnown(state, 'plan', command.data.planId);
      requireKnown(state, 'section', command.data.sectionId);
      return unchanged(pick(kpi, command.data), command.data) ? [] : [{ type: 'KpiChanged', data: command.data }];
    }
    case 'RetireKpi':
      if (!state.kpis[command.data.kpiId]) throw unknownEntry('kpi', command.data.kpiId);
      return state.kpis[command.data.kpiId].retired ? [] : [{ type: 'KpiRetired', data: command.data }];
    case 'SetAnnualPlan': {
      const project = activeProject(state, command.data.projectId);
      const current = project.annualPlans[command.data.fiscalYear];
      return current && unchanged(current, command.data) ? [] : [{ type: 'AnnualPlanSet', data: command.data }];
    }
    case 'WithdrawRepost': {
      const project = state.projects[command.data.projectId];
      if (!project) throw unknownEntry('project', command.data.projectId);
      return project.reposts.some((p) => samePlace(p, command.data.placement))
        ? [{ type: 'RepostWithdrawn', data: command.data }]
        : [];
    }
    case 'WithdrawAnnualPlan': {
      const project = state.projects[command.data.projectId];
      if (!project) throw unknownEntry('project', command.data.projectId);
      return project.annualPlans[command.data.fiscalYear] ? [{ type: 'AnnualPlanWithdrawn', data: command.data }] : [];
    }
    default:
      return assertNever(command, 'catalogue command');
  }
}

/** Decides a list of commands as one unit (imports): each sees the effects of the ones before. The state given is left as it was. */
export function decideCatalogueBatch(commands: CatalogueCommand[], state: CatalogueState): CatalogueEvent[] {
  return decideCatalogueSteps(commands, state).events;
}

/** The same, with the catalogue as it is after the events, for the callers that go on deciding against it. */
export function decideCatalogueSteps(
  commands: CatalogueCommand[],
  state: CatalogueState,
): { events: CatalogueEvent[]; state: CatalogueState } {
  const working = ownCopy(state);
  const events: CatalogueEvent[] = [];
  for (const command of commands) {
    const decided = decideCatalogue(command, working);
    decided.forEach((event) => applyCatalogueEvent(working, event));
    events.push(...decided);
  }
  return { events, state: working };
}

function registerProject(
  data: Extract<CatalogueCommand, { type: 'RegisterProject' }>['data'],
  state: CatalogueState,
): CatalogueEvent[] {
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

function repost(state: CatalogueState, projectId: string, placement: PlanPlacement): CatalogueEvent[] {
  const project = activeProject(state, projectId);
  requireKnown(state, 'plan', placement.planId);
  if (samePlace(placement, project.home)) throw repostAtHome(projectId);
  // Reposting where it already is records only a new label or part (it then replaces the old one).
  if (project.reposts.some((existing) => samePlace(existing, placement) && samePrint(existing, placement))) return [];
  return [{ type: 'ProjectReposted', data: { projectId, placement } }];
}

function activeProject(state: CatalogueState, projectId: string) {
  const project = state.projects[projectId];
  if (!project) throw unknownEntry('project', projectId);
  if (project.retired) throw retiredEntry('project', projectId);
  return project;
}

function requireKnown(state: CatalogueState, kind: 'pillar' | 'plan' | 'section', id: string): void {
  const table = { pillar: state.pillars, plan: state.plans, section: state.sections }[kind];
  if (!table[id]) throw unknownReference(kind, id);
}

const ID_FIELDS = ['sectionId', 'pillarId', 'planId', 'projectId', 'kpiId'] as const;

/** Ids are keys of the catalogue's maps: a name like __proto__ must never become one. */
function assertSafeIds(data: Record<string, unknown>): void {
  for (const field of ID_FIELDS) if (typeof data[field] === 'string') assertSafeId(data[field], field);
  const placement = (data.home ?? data.placement) as { planId?: string } | undefined;
  if (placement?.planId) assertSafeId(placement.planId, 'planId');
}

const withoutUndefined = <T extends object>(value: T): Partial<T> =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;

const samePlace = (a: PlanPlacement, b: PlanPlacement) => a.planId === b.planId && a.sectionNo === b.sectionNo;
const samePrint = (a: PlanPlacement, b: PlanPlacement) =>
  a.sectionTitle === b.sectionTitle && a.label === b.label && a.part === b.part;

function pick<T extends object>(source: object, shape: T): T {
  return Object.fromEntries(Object.keys(shape).map((key) => [key, (source as Record<string, unknown>)[key]])) as T;
}

/** True when every field of `next` already has that value: such a change decides nothing. */
const unchanged = (current: object, next: object): boolean => sameJson(pick(current, next), next);

export const catalogueDecider = {
  decide: decideCatalogue,
  evolve: evolveCatalogue,
  initialState: emptyCatalogue,
  fold: (events: CatalogueEvent[]) => foldCatalogue(events),
};
