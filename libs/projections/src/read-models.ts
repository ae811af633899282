import type { CatalogueState } from '@pdca/catalogue';
import type { CycleState, EvaluationState, ItemRef, PlanAssessment } from '@pdca/review';

/** One evaluated item's current state, with what the views need besides the decider state. */
export interface ItemModel {
  ref: ItemRef;
  state: EvaluationState;
  /** Revision of the item's stream: the ETag for If-Match. */
  revision: number;
  firstSubmittedAt?: string;
  lastSubmittedAt?: string;
  returnedCount: number;
  updatedAt: string;
  updatedBy: string;
}

export interface CycleModel {
  cycle: CycleState;
  cycleRevision: number;
  /** Keyed `${kind}:${itemId}`. */
  items: Map<string, ItemModel>;
  assessments: Map<string, PlanAssessment>;
}

export interface WardModel {
  catalogue: CatalogueState;
  catalogueRevision: number;
  cycles: Map<number, CycleModel>;
}

/** Everything the API answers from, as of `position` in the global log. */
export interface ReadModels {
  position: number;
  wards: Map<string, WardModel>;
}

export const emptyReadModels = (): ReadModels => ({ position: 0, wards: new Map() });

export const itemKey = (kind: ItemRef['kind'], itemId: string) => `${kind}:${itemId}`;
