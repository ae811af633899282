import type { Actor } from '@pdca/kernel';
import { deepFreeze } from '@pdca/kernel/testing';
import type { CatalogueCommand } from './catalogue.commands';
import { decideCatalogueBatch, decideCatalogueSteps } from './catalogue.batch';
import { compensationsFor } from './catalogue.compensation';
import type { CatalogueEvent } from './catalogue.events';
import { evolveCatalogue, foldCatalogue } from './catalogue.evolve';
import { emptyCatalogue } from './catalogue.state';
import { kpi } from './catalogue-spec-fixtures';

const planner: Actor = { userId: 'kikaku-1', role: 'planning_office', wardId: 'nerima' };
const home = { planId: '1', sectionNo: '1', sectionTitle: '取組' };
const placement = { planId: '2', sectionNo: '関連1', sectionTitle: '再掲' };
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
  { type: 'KpiChanged', data: { kpiId: kpi.kpiId, indicator: '認可保育所の数' } },
  { type: 'KpiRetired', data: { kpiId: kpi.kpiId, reason: '終了' } },
] as unknown as CatalogueEvent[];

describe('the catalogue decides and evolves without touching its input', () => {
  it('given a frozen state, evolve applies every event type and returns a new state', () => {
    let state = deepFreeze(emptyCatalogue());
    for (const event of HISTORY) state = deepFreeze(evolveCatalogue(state, deepFreeze(structuredClone(event))));
    expect(state.projects.P1).toMatchObject({ name: '認可保育所の整備', reposts: [], annualPlans: {}, retired: true });
    expect(state.kpis[kpi.kpiId]).toMatchObject({ indicator: '認可保育所の数', retired: true });
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

  it('given a frozen import batch and the frozen catalogue before it, the compensations leave both as they were', () => {
    const before = deepFreeze(foldCatalogue(HISTORY.slice(0, 8)));
    const batch = deepFreeze(structuredClone(HISTORY.slice(8, 11)));
    const undo = compensationsFor(batch, before, planner, '取込みの誤り');
    expect(undo.map((command) => command.type)).toEqual(['WithdrawAnnualPlan', 'WithdrawRepost', 'ChangeProject']);
    expect(decideCatalogueBatch(deepFreeze(undo), deepFreeze(foldCatalogue(HISTORY.slice(0, 11))))).toHaveLength(3);
  });
});
