import type { RecordedEvent } from '@pdca/event-store';
import { CATALOGUE_EVENT_TYPES, CatalogueEvent, emptyCatalogue, evolveCatalogue } from '@pdca/catalogue';
import {
  AssessmentEvent, CYCLE_EVENT_TYPES, CycleEvent, EVALUATION_EVENT_TYPES, EvaluationEvent, evolveCycle, evolveEvaluation,
  initialCycle, initialEvaluation,
} from '@pdca/review';
import { CycleModel, itemKey, ReadModels, WardModel } from './read-models';

const catalogueTypes = new Set<string>(CATALOGUE_EVENT_TYPES);
const cycleTypes = new Set<string>(CYCLE_EVENT_TYPES);
const evaluationTypes = new Set<string>(EVALUATION_EVENT_TYPES);

/**
 * Applies one recorded event to the read models. Idempotent: an event at or before the models'
 * position is ignored, so a replay or a restarted subscription never applies anything twice.
 * Unknown event types (reminders, imports…) only advance the position.
 */
export function projectEvent(models: ReadModels, event: RecordedEvent): ReadModels {
  if (event.position <= models.position) return models;
  models.position = event.position;
  if (catalogueTypes.has(event.type)) projectCatalogue(models, event);
  else if (cycleTypes.has(event.type)) projectCycle(models, event);
  else if (evaluationTypes.has(event.type)) projectEvaluation(models, event);
  else if (event.type === 'ImprovementsRecorded') projectAssessment(models, event as RecordedEvent<AssessmentEvent['data']>);
  return models;
}

function projectCatalogue(models: ReadModels, event: RecordedEvent): void {
  const ward = wardOf(models, event.stream.slice('catalogue-'.length));
  evolveCatalogue(ward.catalogue, { type: event.type, data: event.data } as CatalogueEvent);
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
  const key = itemKey(ref.kind, ref.itemId);
  let model = cycle.items.get(key);
  if (!model) {
    model = { ref, state: initialEvaluation(), revision: -1, returnedCount: 0, updatedAt: '', updatedBy: '' };
    cycle.items.set(key, model);
  }
  // The models belong to the runner alone, so the item is updated in place (no copy per event).
  model.state = evolveEvaluation(model.state, { type: event.type, data: event.data } as EvaluationEvent);
  model.revision = event.revision;
  model.updatedAt = event.metadata.recordedAt;
  model.updatedBy = event.metadata.actor;
  if (event.type === 'ActualSubmitted') {
    const submittedAt = (event.data as { submittedAt: string }).submittedAt;
    model.firstSubmittedAt ??= submittedAt;
    model.lastSubmittedAt = submittedAt;
  }
  if (event.type === 'SubmissionReturned') model.returnedCount++;
}

function projectAssessment(models: ReadModels, event: RecordedEvent<AssessmentEvent['data']>): void {
  const { plan, assessment } = event.data;
  cycleOf(models, plan.wardId, plan.fiscalYear).assessments.set(plan.planId, assessment);
}

export function wardOf(models: ReadModels, wardId: string): WardModel {
  let ward = models.wards.get(wardId);
  if (!ward) {
    ward = { catalogue: emptyCatalogue(), catalogueRevision: -1, cycles: new Map() };
    models.wards.set(wardId, ward);
  }
  return ward;
}

export function cycleOf(models: ReadModels, wardId: string, fiscalYear: number): CycleModel {
  const ward = wardOf(models, wardId);
  let cycle = ward.cycles.get(fiscalYear);
  if (!cycle) {
    cycle = { cycle: initialCycle(), cycleRevision: -1, items: new Map(), assessments: new Map() };
    ward.cycles.set(fiscalYear, cycle);
  }
  return cycle;
}
