import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyCatalogueEvent, catalogueDecider, emptyCatalogue, nothingPlanned } from '@pdca/catalogue';
import type { CatalogueState } from '@pdca/catalogue';
import { parseImport, planImport } from '@pdca/importing';
import type { ImportedRecord } from '@pdca/importing';
import type { Actor } from '@pdca/kernel';
import {
  cycleDecider, cycleStream, DEFAULT_B_REASONS, EvaluationCommand, evaluationDecider, EvaluationEvent, EvaluationState, evaluationStream, initialEvaluation,
} from '@pdca/review';
import type { EventSink } from './event-sink';
import { fixtureClock } from './synthetic-ward';

export const NERIMA = 'nerima';
export const FY_R4 = 2022;
const FIXTURES = join(__dirname, '../../fixtures/nerima-fy2022');
export const REFERENCE_USERS = { planner: 'nerima.kikaku', council: 'nerima.iin' };

const planner: Actor = { userId: REFERENCE_USERS.planner, role: 'planning_office', wardId: NERIMA };
const council: Actor = { userId: REFERENCE_USERS.council, role: 'council_member', wardId: NERIMA };

/**
 * The FY R4 reference data (seed 002: 383 projects, 120 KPIs) turned into history with the importing
 * library: the catalogue as the planning office would import it, the cycle opened over every project
 * and every KPI with a result, each record submitted by its section and approved by the council.
 * Closing and publishing are left to the API.
 */
export async function writeNerimaReference(sink: EventSink): Promise<{ catalogue: CatalogueState; records: ImportedRecord[] }> {
  const files = ['structure.csv', 'projects.csv', 'kpis.csv'].map((name) => ({ name, data: readFileSync(join(FIXTURES, name)) }));
  const plan = planImport(await parseImport(files), emptyCatalogue(), { wardId: NERIMA, actor: planner });
  if (!plan.valid) throw new Error(`the FY R4 fixtures do not import: ${JSON.stringify(plan.errors.slice(0, 3))}`);
  const clock = fixtureClock('2022-03-25T00:00:00.000Z');
  // The fixture owns its catalogue: applied in place (evolveCatalogue would copy a map per event).
  const catalogue = emptyCatalogue();
  for (const command of plan.catalogueCommands) {
    const events = catalogueDecider.decide(command, catalogue);
    events.forEach((event) => applyCatalogueEvent(catalogue, event));
    sink.append(`catalogue-${NERIMA}`, events, { commandType: command.type, actor: planner }, clock);
  }
  const records = plan.records.filter((r) => r.item.fiscalYear === FY_R4);
  const deadline = '2023-05-31T14:59:59.999Z';
  clock.at = new Date('2023-04-03T00:30:00.000Z');
  const scope = { projectIds: records.filter((r) => r.item.kind === 'project').map((r) => r.item.itemId), kpiIds: records.filter((r) => r.item.kind === 'kpi').map((r) => r.item.itemId) };
  const context = { actor: planner, wardId: NERIMA, fiscalYear: FY_R4, now: clock.now().toISOString() };
  sink.append(cycleStream(NERIMA, FY_R4), cycleDecider.decide({ type: 'OpenCycle', data: { scheme: 'nerima', deadline, bReasons: [...DEFAULT_B_REASONS], scope }, context }, cycleDecider.initialState()), { commandType: 'OpenCycle', actor: planner }, clock);
  clock.at = new Date('2023-05-12T01:00:00.000Z');
  for (const record of records) {
    const section: Actor = { userId: `nerima.${record.sectionId}`, role: 'section_staff', wardId: NERIMA, sectionId: record.sectionId };
    const entry = record.item.kind === 'project' ? catalogue.projects[record.item.itemId] : undefined;
    const item = {
      ...record.item, sectionId: record.sectionId,
      notSuitedForShortTermEvaluation: entry?.notSuitedForShortTermEvaluation ?? false, nothingPlanned: entry ? nothingPlanned(entry, FY_R4) : false,
    };
    let state: EvaluationState = initialEvaluation();
    const run = (actor: Actor, command: Omit<EvaluationCommand, 'context'>) => {
      const events = evaluationDecider.decide({ ...command, context: { actor, item, cycle: { status: 'open', scheme: 'nerima', deadline, bReasons: DEFAULT_B_REASONS }, now: clock.now().toISOString() } } as EvaluationCommand, state);
      events.forEach((event: EvaluationEvent) => (state = evaluationDecider.evolve(state, event)));
      sink.append(evaluationStream(record.item), events, { commandType: command.type, actor }, clock);
    };
    run(section, { type: 'SubmitActual', data: { actual: record.actual, rating: record.rating } });
    run(council, { type: 'ApproveSubmission', data: {} });
  }
  return { catalogue, records };
}
