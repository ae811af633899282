import type { CatalogueCommand, CatalogueState } from '@pdca/catalogue';
import type { CycleState, EvaluationCommand, EvaluationState } from '@pdca/review';

/** A stream's state as read for a decision, with the revision it was read at (-1: no stream). */
export interface Revisioned<State> {
  state: State;
  revision: number;
}

/** Everything an import (or its reversion) is decided on, read from the streams themselves. */
export interface ImportStates {
  catalogue: Revisioned<CatalogueState>;
  /** Cycle state per fiscal year the files name; a missing year is not opened. */
  cycles: Map<number, CycleState>;
  /** Item state per evaluation stream name; a missing stream has never been written. */
  items: Map<string, Revisioned<EvaluationState>>;
}

/** What a step does, kept so that it can be decided again on a stream someone else wrote meanwhile. */
export type StepCommand =
  { kind: 'catalogue'; commands: CatalogueCommand[] } | { kind: 'evaluation'; command: EvaluationCommand };

/**
 * One append of a batch: decided on `stream` at `expectedRevision`. Only the command is recorded:
 * deciding it again on the same revision gives the same events (decide is pure), which keeps the
 * recorded batch small enough for one EventStoreDB append per chunk.
 */
export interface BatchStep {
  stream: string;
  expectedRevision: number;
  command: StepCommand;
}

/** A step that could not be applied as decided: someone wrote its stream in between and the rules now refuse it. */
export interface StepConflict {
  stream: string;
  code: string;
  messageJa: string;
  messageEn: string;
}
