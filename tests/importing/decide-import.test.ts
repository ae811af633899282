import { emptyCatalogue } from '@pdca/catalogue';
import { deepFreeze } from '@pdca/kernel/testing';
import { decideImport, parseImport } from '@pdca/importing';
import type { ImportStates } from '@pdca/importing';
import { evaluationStream } from '@pdca/review';
import type { CycleState } from '@pdca/review';
import { csvFile, planner, PROJECTS_HEADER, STRUCTURE_HEADER } from './support';

const structure = csvFile('structure.csv', `${STRUCTURE_HEADER}\n基本目標,I,目標,\n戦略計画,1,計画,I\n`);
const projects = (rows: string[]) => csvFile('projects.csv', [PROJECTS_HEADER, ...rows].join('\n') + '\n');
const row = (id: string, rating = 'A') => `${id},1,1,項目,取組${id},部,課,,,2022,目標,現況,実施,実施した,${rating},,`;
const openCycle = (projectIds: string[], scheme: 'nerima' | 'taisho' = 'nerima'): CycleState => ({
  status: 'open',
  wardId: 'nerima',
  fiscalYear: 2022,
  scheme,
  deadline: '2023-05-31T14:59:59.999Z',
  bReasons: [],
  scope: { projectIds, kpiIds: [] },
  reminderPolicy: {
    daysBefore: [],
    onDeadline: false,
    everyDaysOverdue: 0,
    escalateAfterDays: 0,
    stopAfterDays: 0,
    sendAtJst: '09:00',
    skipNonBusinessDays: false,
  } as never,
});
/** Frozen, like everything the decision is given: a pure decision never writes into the states it reads. */
const states = (cycle?: CycleState): ImportStates =>
  deepFreeze({
    catalogue: { state: emptyCatalogue(), revision: -1 },
    cycles: new Map(cycle ? [[2022, deepFreeze(cycle)]] : []),
    items: new Map(),
  });
const options = {
  wardId: 'nerima',
  actor: planner,
  now: '2023-04-01T00:00:00.000Z',
  importId: 'abc-1',
  catalogueStream: 'catalogue-nerima',
};

/** One pure decision for preview and confirm: everything the confirm would refuse is a row error here. */
describe('decideImport', () => {
  it('decides the catalogue batch and one step per result, in order', async () => {
    const decision = decideImport(
      deepFreeze(await parseImport([structure, projects([row('P1'), row('P2')])])),
      states(openCycle(['P1', 'P2'])),
      options,
    );
    expect(decision).toMatchObject({ valid: true, catalogueCommands: expect.any(Number), recordsSkipped: [] });
    expect(decision.steps.map((s) => s.stream)).toEqual([
      'catalogue-nerima',
      evaluationStream({ wardId: 'nerima', fiscalYear: 2022, kind: 'project', itemId: 'P1' }),
      expect.stringContaining('P2'),
    ]);
  });

  it("names the rows whose result is outside the cycle's scope", async () => {
    const decision = decideImport(
      deepFreeze(await parseImport([structure, projects([row('P1'), row('P2')])])),
      states(openCycle(['P1'])),
      options,
    );
    expect(decision.valid).toBe(false);
    expect(decision.errors).toEqual([
      expect.objectContaining({ table: '取組', row: 3, column: '実績', code: 'IMPORT_OUT_OF_SCOPE' }),
    ]);
  });

  it("names the rows the cycle's rating scheme refuses", async () => {
    const decision = decideImport(
      deepFreeze(await parseImport([structure, projects([row('P1')])])),
      states(openCycle(['P1'], 'taisho')),
      options,
    );
    expect(decision.errors).toEqual([
      expect.objectContaining({ row: 2, column: '進捗状況', code: 'RATING_SCHEME_MISMATCH' }),
    ]);
  });

  it('reports results of years without an open cycle as skipped, not as steps', async () => {
    const decision = decideImport(deepFreeze(await parseImport([structure, projects([row('P1')])])), states(), options);
    expect(decision).toMatchObject({
      valid: true,
      records: [],
      recordsSkipped: [expect.objectContaining({ fiscalYear: 2022, records: 1 })],
    });
    expect(decision.steps.every((s) => s.command.kind === 'catalogue')).toBe(true);
  });
});
