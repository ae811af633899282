import type { Actor } from '@pdca/kernel';
import { deepFreeze } from '@pdca/kernel/testing';
import type { CatalogueCommand } from './catalogue.commands';
import { decideCatalogueBatch, decideCatalogueSteps } from './catalogue.decide';
import type { CatalogueEvent } from './catalogue.events';
import { evolveCatalogue, foldCatalogue } from './catalogue.evolve';
import { emptyCatalogue } from './catalogue.state';

const planner: Actor = { userId: 'kikaku-1', role: 'planning_office', wardId: 'nerima' };
const home = { planId: '1', sectionNo: '1', sectionTitle: '取組' };
const placement = { planId: '2', sectionNo: '関連1', sectionTitle: '再掲' };
const kpi = {
  kpiId: 'K1',
  planId: '1',
  indicator: '認可保育所',
  kind: 'output',
  sectionId: 'hoiku',
  baseline: { value: { text: '197所' }, asOf: 'R4' },
  target: { value: { text: '206所' }, asOf: 'R6' },
};
const annual = { projectId: 'P1', fiscalYear: 2022, target: '206所', statusAtPreviousYearEnd: '197所', planned: '9所' };

/** One event of every type, in an order the catalogue accepts. */
const HISTORY = [
  { type: 'SectionRegistered', data: { sectionId: 'hoiku', department: 'こども家庭部', name: '保育課' } },
  { type: 'SectionChanged', data: { sectionId: 'hoiku', department: 'こども家庭部', name: '保育課（新）' } },
  { type: 'PillarRegistered', data: { pillarId: 'I', code: 'I', title: '子ども' } },
  { type: 'PillarChanged', data: { pillarId: 'I', code: 'I', title: '子どもたち' } },
  { type: 'PlanRegistered', data: { planId: '1', code: '1', title: '子育て', pillarId: 'I' } },
  { type: 'PlanRegistered', data: { planId: '2', code: '2', title: '教育', pillarId: 'I' } },
  { type: 'PlanChanged', data: { planId: '2', code: '2', title: '教育（改）', pillarId: 'I' } },
  {
    type: 'ProjectRegistered',
    data: { projectId: 'P1', name: '認可保育所', sectionId: 'hoiku', home, notSuitedForShortTermEvaluation: false },
  },
  { type: 'ProjectChanged', data: { projectId: 'P1', name: '認可保育所の整備' } },
  { type: 'ProjectReposted', data: { projectId: 'P1', placement } },
  { type: 'AnnualPlanSet', data: annual },
  { type: 'AnnualPlanWithdrawn', data: { projectId: 'P1', fiscalYear: 2022 } },
  { type: 'RepostWithdrawn', data: { projectId: 'P1', placement } },
  { type: 'ProjectRetired', data: { projectId: 'P1', reason: '終了' } },
  { type: 'KpiRegistered', data: kpi },
  { type: 'KpiChanged', data: { kpiId: 'K1', indicator: '認可保育所の数' } },
  { type: 'KpiRetired', data: { kpiId: 'K1', reason: '終了' } },
] as unknown as CatalogueEvent[];

describe('the catalogue decides and evolves without touching its input', () => {
  it('given a frozen state, evolve applies every event type and returns a new state', () => {
    let state = deepFreeze(emptyCatalogue());
    for (const event of HISTORY) state = deepFreeze(evolveCatalogue(state, deepFreeze(structuredClone(event))));
    expect(state.projects.P1).toMatchObject({ name: '認可保育所の整備', reposts: [], annualPlans: {}, retired: true });
    expect(state.kpis.K1).toMatchObject({ indicator: '認可保育所の数', retired: true });
  });

  it('folds in one pass to the same state as evolving event by event', () => {
    expect(foldCatalogue(deepFreeze(structuredClone(HISTORY)))).toEqual(
      HISTORY.reduce(evolveCatalogue, emptyCatalogue()),
    );
  });

  it('given a frozen state, a batch decides against its own copy: later commands see earlier ones, the input stays as it was', () => {
    const before = foldCatalogue(HISTORY.slice(0, 7));
    const state = deepFreeze(structuredClone(before));
    const commands: CatalogueCommand[] = [
      {
        type: 'RegisterProject',
        actor: planner,
        data: { projectId: 'P2', name: '延長保育', sectionId: 'hoiku', home, notSuitedForShortTermEvaluation: false },
      },
      { type: 'RepostProject', actor: planner, data: { projectId: 'P2', placement } },
    ] as CatalogueCommand[];
    const events = decideCatalogueBatch(deepFreeze(commands), state);
    expect(events.map((e) => e.type)).toEqual(['ProjectRegistered', 'ProjectReposted']);
    expect(state).toEqual(before);
    expect(decideCatalogueSteps(commands, state).state.projects.P2.reposts).toEqual([placement]);
  });
});
