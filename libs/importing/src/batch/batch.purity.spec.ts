import type { CatalogueCommand, CatalogueEvent } from '@pdca/catalogue';
import type { Actor } from '@pdca/kernel';
import { deepFreeze } from '@pdca/kernel/testing';
import {
  DEFAULT_B_REASONS,
  DEFAULT_REMINDER_POLICY,
  evaluationStream,
  evolveCycle,
  evolveEvaluation,
  initialCycle,
  initialEvaluation,
} from '@pdca/review';
import type { CycleEvent, EvaluationCommand, EvaluationEvent } from '@pdca/review';
import { decideReversion } from './decide-reversion';
import { decideStep } from './decide-step';
import type { ImportStates } from './import-batch';

const planner: Actor = { userId: 'kikaku-1', role: 'planning_office', wardId: 'nerima' };
const now = '2023-04-10T00:00:00.000Z';
const ref = { wardId: 'nerima', fiscalYear: 2022, kind: 'project' as const, itemId: 'P1' };
const home = { planId: '1', sectionNo: '1', sectionTitle: '保育サービスの充実' };
const p1 = { projectId: 'P1', name: '認可保育所', home, sectionId: 'hoiku', notSuitedForShortTermEvaluation: false };

const known: CatalogueEvent[] = [
  { type: 'SectionRegistered', data: { sectionId: 'hoiku', department: 'こども家庭部', name: '保育課' } },
  { type: 'PillarRegistered', data: { pillarId: 'I', code: 'I', title: '子ども' } },
  { type: 'PlanRegistered', data: { planId: '1', code: '1', title: '子育て', pillarId: 'I' } },
];
/** What import k-1 appended to the catalogue. */
const importedEntries: CatalogueEvent[] = [
  { type: 'ProjectRegistered', data: p1 },
  {
    type: 'AnnualPlanSet',
    data: { projectId: 'P1', fiscalYear: 2022, target: '206所', statusAtPreviousYearEnd: '197所', planned: '9所' },
  },
];
const opened: CycleEvent = {
  type: 'CycleOpened',
  data: {
    wardId: 'nerima',
    fiscalYear: 2022,
    scheme: 'nerima',
    deadline: '2023-05-31T14:59:59.999Z',
    bReasons: [...DEFAULT_B_REASONS],
    scope: { projectIds: ['P1'], kpiIds: [] },
    reminderPolicy: DEFAULT_REMINDER_POLICY,
    openedAt: '2023-04-03T00:00:00.000Z',
  },
};
const itemImported: EvaluationEvent = {
  type: 'EvaluationImported',
  data: { item: ref, sectionId: 'hoiku', actual: { kind: 'project', text: '9所' }, importId: 'k-1' },
};

/**
 * Frozen entries in Maps: a frozen Map still takes `set`, so each spec also compares the input with
 * a copy taken before, which catches a write into a Map as well as into a frozen object.
 */
const states = (): Pick<ImportStates, 'cycles' | 'items'> => ({
  cycles: new Map([[2022, deepFreeze(evolveCycle(initialCycle(), opened))]]),
  items: new Map([
    [evaluationStream(ref), deepFreeze({ state: evolveEvaluation(initialEvaluation(), itemImported), revision: 0 })],
  ]),
});

describe('the batch decisions leave what they are given as it was', () => {
  it('given frozen history and states, the reversion of an import decides its compensating steps', () => {
    const history = deepFreeze({
      events: [...known.map((event) => ({ event })), ...importedEntries.map((event) => ({ event, importId: 'k-1' }))],
      revision: 4,
    });
    const streams = deepFreeze(states());
    const before = structuredClone({ history, streams });
    const options = { importId: 'k-1', records: [ref], actor: planner, reason: '誤り', now, catalogueStream: 'c' };
    const steps = decideReversion(history, streams, deepFreeze(options));
    expect(steps.map((step) => step.command)).toEqual([
      {
        kind: 'catalogue',
        commands: [
          expect.objectContaining({ type: 'WithdrawAnnualPlan' }),
          expect.objectContaining({ type: 'RetireProject' }),
        ],
      },
      { kind: 'evaluation', command: expect.objectContaining({ type: 'RevertImportedEvaluation' }) },
    ]);
    expect({ history, streams }).toEqual(before);
  });

  it('given frozen commands and stream events, a step is decided again on its stream', () => {
    const register: CatalogueCommand = { type: 'RegisterProject', actor: planner, data: { ...p1, projectId: 'P2' } };
    expect(decideStep(deepFreeze({ kind: 'catalogue', commands: [register] }), deepFreeze([...known]))).toEqual([
      { type: 'ProjectRegistered', data: register.data },
    ]);
    const revert: EvaluationCommand = {
      type: 'RevertImportedEvaluation',
      data: { importId: 'k-1' },
      context: {
        actor: planner,
        item: { ...ref, sectionId: 'hoiku', notSuitedForShortTermEvaluation: false, nothingPlanned: false },
        cycle: { status: 'open', scheme: 'nerima', deadline: opened.data.deadline, bReasons: DEFAULT_B_REASONS },
        now,
      },
    };
    expect(decideStep(deepFreeze({ kind: 'evaluation', command: revert }), deepFreeze([itemImported]))).toEqual([
      { type: 'EvaluationImportReverted', data: { item: ref, importId: 'k-1' } },
    ]);
  });
});
