import type { CatalogueState } from '@pdca/catalogue';
import type { CycleLedger } from '@pdca/reminders';
import type { CycleState, EvaluationState, ItemRef, PlanAssessment } from '@pdca/review';

/**
 * One evaluated item's current state, with what the views need besides the decider state. Kept
 * lean on purpose: a ward office holds hundreds of thousands of these (items × fiscal years ×
 * wards), so the item's identity lives in the map key and the change time is a number.
 */
export interface ItemModel {
  state: EvaluationState;
  /** Revision of the item's stream: the ETag for If-Match. */
  revision: number;
  /** When the item last changed, epoch milliseconds (an ISO string takes three times the memory). */
  updatedAtMs: number;
  /** Who changed it last; interned, as a few hundred users make all the changes. */
  updatedBy: string;
}

export interface CycleModel {
  cycle: CycleState;
  cycleRevision: number;
  /** By kind, then item id: the id string is the one from the events, shared rather than rebuilt into a combined key. */
  items: Record<ItemRef['kind'], Map<string, ItemModel>>;
  assessments: Map<string, PlanAssessment>;
}

export interface WardModel {
  catalogue: CatalogueState;
  catalogueRevision: number;
  cycles: Map<number, CycleModel>;
  /** Bumped by every event that changes the ward: views derived from it are cached under this number. */
  version: number;
}

/** Everything the API answers from, as of `position` in the global log. */
export interface ReadModels {
  position: number;
  wards: Map<string, WardModel>;
  /** Who was reminded when, and how late each section came: the planning office's reminder ledger. */
  /** Keyed like the ledger (`${wardId}:${fiscalYear}`); a Map so that an event touches only its cycle. */
  reminders: Map<string, CycleLedger>;
  /** One string per actor id for all items (interned): part of the models, so two models never share state. */
  actors: Map<string, string>;
}

export const emptyReadModels = (): ReadModels => ({
  position: 0,
  wards: new Map(),
  reminders: new Map(),
  actors: new Map(),
});
