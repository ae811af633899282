import type { RecordedEvent } from '@pdca/event-store';
import { applyCatalogueEvent, CATALOGUE_EVENT_TYPES, CatalogueEvent, emptyCatalogue } from '@pdca/catalogue';
import {
  AssessmentEvent,
  CYCLE_EVENT_TYPES,
  CycleEvent,
  EVALUATION_EVENT_TYPES,
  EvaluationEvent,
  evolveCycle,
  evolveEvaluation,
  initialCycle,
  initialEvaluation,
} from '@pdca/review';
import { evolveCycleLedger, ledgerKeyOfEvent } from '@pdca/reminders';
import { CycleModel, ReadModels, WardModel } from './read-models';

const catalogueTypes: ReadonlySet<string> = new Set<string>(CATALOGUE_EVENT_TYPES);
const cycleTypes: ReadonlySet<string> = new Set<string>(CYCLE_EVENT_TYPES);
const evaluationTypes: ReadonlySet<string> = new Set<string>(EVALUATION_EVENT_TYPES);

/**
 * Applies one recorded event to the read models. Idempotent: an event at or before the models'
 * position is ignored, so a replay or a restarted subscription never applies anything twice.
 * Unknown event types (imports…) only advance the position.
 */
export function projectEvent(models: ReadModels, event: RecordedEvent): ReadModels {
  if (event.position <= models.position) return models;
  models.position = event.position;
  if (catalogueTypes.has(event.type)) projectCatalogue(models, event);
  else if (cycleTypes.has(event.type)) projectCycle(models, event);
  else if (evaluationTypes.has(event.type)) projectEvaluation(models, event);
  else if (event.type === 'ImprovementsRecorded')
    projectAssessment(models, event as RecordedEvent<AssessmentEvent['data']>);
  projectReminderLedger(models, event);
  return models;
}

function projectCatalogue(models: ReadModels, event: RecordedEvent): void {
  const ward = wardOf(models, event.stream.slice('catalogue-'.length));
  ward.version++;
  // The read model owns its catalogue: applied in place, as every read model here is (evolveCatalogue would copy a map per event).
  applyCatalogueEvent(ward.catalogue, { type: event.type, data: event.data } as CatalogueEvent);
  ward.catalogueRevision = event.revision;
}

function projectCycle(models: ReadModels, event: RecordedEvent): void {
  const data = event.data as CycleEvent['data'];
  const cycle = cycleOf(models, data.wardId, data.fiscalYear);
  cycle.cycle = evolveCycle(cycle.cycle, { type: event.type, data } as CycleEvent);
  cycle.cycleRevision = event.revision;
}

function projectEvaluation(models: ReadModels, event: RecordedEvent): void {
  const { item: ref } = event.data as EvaluationEvent['data'];
  const cycle = cycleOf(models, ref.wardId, ref.fiscalYear);
  let model = cycle.items[ref.kind].get(ref.itemId);
  if (!model) {
    model = { state: initialEvaluation(), revision: -1, updatedAtMs: 0, updatedBy: '' };
    cycle.items[ref.kind].set(ref.itemId, model);
  }
  // The models belong to the runner alone, so the item is updated in place (no copy per event).
  model.state = evolveEvaluation(model.state, { type: event.type, data: event.data } as EvaluationEvent);
  model.revision = event.revision;
  model.updatedAtMs = Date.parse(event.metadata.recordedAt);
  model.updatedBy = interned(models.actors, event.metadata.actor);
}

/** One string per actor id for all items, instead of one per item (the set of actors is small). */
function interned(actors: Map<string, string>, actor: string): string {
  let shared = actors.get(actor);
  if (shared === undefined) {
    shared = actor;
    actors.set(actor, actor);
  }
  return shared;
}

/** The reminder ledger folds sends and failures, deadlines, and submissions (for lateness). */
function projectReminderLedger(models: ReadModels, event: RecordedEvent): void {
  const input = { type: event.type, data: event.data };
  const key = ledgerKeyOfEvent(input);
  if (!key) return;
  const next = evolveCycleLedger(models.reminders.get(key), input);
  if (next) models.reminders.set(key, next);
}

function projectAssessment(models: ReadModels, event: RecordedEvent<AssessmentEvent['data']>): void {
  const { plan, assessment } = event.data;
  cycleOf(models, plan.wardId, plan.fiscalYear).assessments.set(plan.planId, assessment);
}

const emptyWard = (): WardModel => ({
  catalogue: emptyCatalogue(),
  catalogueRevision: -1,
  cycles: new Map(),
  version: 0,
});

/** The ward's models, created when missing: for the projection, which writes into them. */
export function wardOf(models: ReadModels, wardId: string): WardModel {
  let ward = models.wards.get(wardId);
  if (!ward) {
    ward = emptyWard();
    models.wards.set(wardId, ward);
  }
  return ward;
}

/**
 * The ward's models for reading: an empty ward when nothing was recorded for it, never stored, so
 * that requests for made-up ward ids cannot grow the read models.
 */
export function wardView(models: ReadModels, wardId: string): WardModel {
  return models.wards.get(wardId) ?? emptyWard();
}

/** The cycle's models, created when missing; every change to a cycle is a change to its ward. */
export function cycleOf(models: ReadModels, wardId: string, fiscalYear: number): CycleModel {
  const ward = wardOf(models, wardId);
  ward.version++;
  let cycle = ward.cycles.get(fiscalYear);
  if (!cycle) {
    cycle = {
      cycle: initialCycle(),
      cycleRevision: -1,
      items: { project: new Map(), kpi: new Map() },
      assessments: new Map(),
    };
    ward.cycles.set(fiscalYear, cycle);
  }
  return cycle;
}
