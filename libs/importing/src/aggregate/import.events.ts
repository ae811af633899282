import type { Actor, DomainEvent } from '@pdca/kernel';
import type { ItemRef } from '@pdca/review';
import type { BatchStep, StepConflict } from '../batch/import-batch';

/** One confirmed import: the attributed batch that can later be reverted by compensating events. */
export interface ImportSummary {
  importId: string;
  files: Array<{ name: string; sha256: string; bytes: number }>;
  catalogueCommands: number;
  records: ItemRef[];
}

/** An import and its reversion are each one batch: started, its steps recorded, then applied and completed. */
export type BatchKind = 'import' | 'reversion';

export type ImportEvent =
  | DomainEvent<
      'ImportStarted',
      ImportSummary & { wardId: string; run: number; actor: Actor; chunks: number; startedAt: string }
    >
  | DomainEvent<
      'ImportStepsRecorded',
      { wardId: string; importId: string; batch: BatchKind; chunk: number; steps: BatchStep[] }
    >
  | DomainEvent<'ImportCompleted', { wardId: string; importId: string; conflicts: StepConflict[]; completedAt: string }>
  | DomainEvent<
      'ImportAbandoned',
      { wardId: string; importId: string; batch: BatchKind; reason: string; abandonedAt: string }
    >
  | DomainEvent<
      'ImportReversionStarted',
      { wardId: string; importId: string; actor: Actor; reason: string; chunks: number; startedAt: string }
    >
  | DomainEvent<
      'ImportReverted',
      { wardId: string; importId: string; reason: string; revertedAt: string; conflicts?: StepConflict[] }
    >
  /** Before batches (events are never renamed): applied step by step, so it could be seen half done. */
  | DomainEvent<'ImportConfirmed', ImportSummary & { wardId: string; confirmedAt: string }>;

/** The events that open and close a batch: readers hide everything in between until it closes. */
export const BATCH_OPENING_EVENTS = ['ImportStarted', 'ImportReversionStarted'] as const;
export const BATCH_CLOSING_EVENTS = ['ImportCompleted', 'ImportReverted', 'ImportAbandoned'] as const;
