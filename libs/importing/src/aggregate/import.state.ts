import type { Actor } from '@pdca/kernel';
import type { BatchStep } from '../batch/import-batch';
import type { ImportSummary } from './import.events';

export interface RecordedBatch {
  actor: Actor;
  /** How many ImportStepsRecorded chunks the batch announced; fewer recorded means it was never applied. */
  chunks: number;
  recordedChunks: number;
  steps: BatchStep[];
}

/** One import of one set of files; the same files imported again after a reversion are the next run. */
export type ImportRun =
  | { status: 'started'; run: number; summary: ImportSummary; batch: RecordedBatch }
  | { status: 'completed' | 'abandoned'; run: number; summary: ImportSummary; batch?: RecordedBatch }
  | {
      status: 'reverting';
      run: number;
      summary: ImportSummary;
      batch?: RecordedBatch;
      reversion: RecordedBatch & { reason: string };
    }
  | { status: 'reverted'; run: number; summary: ImportSummary; batch?: RecordedBatch };

/** The import stream of one set of files (keyed by their digest): its runs, newest last. */
export interface ImportStreamState {
  runs: ImportRun[];
}

export const initialImportStream = (): ImportStreamState => ({ runs: [] });

export const currentRun = (state: ImportStreamState): ImportRun | undefined => state.runs[state.runs.length - 1];

export const runOf = (state: ImportStreamState, importId: string): ImportRun | undefined =>
  state.runs.find((run) => run.summary.importId === importId);
