import type { Actor } from '@pdca/kernel';
import { deciderSpec } from '@pdca/kernel/testing';
import type { BatchStep } from '../batch/import-batch';
import { importDecider } from './import.aggregate';
import type { ImportContext } from './import.commands';
import type { ImportEvent } from './import.events';

/** Shared by the given/when/then specs of the import stream's slices. */
type EventOf<Type extends ImportEvent['type']> = Extract<ImportEvent, { type: Type }>;

export const planner: Actor = { userId: 'kikaku-1', role: 'planning_office', wardId: 'nerima' };
export const context: ImportContext = { actor: planner, wardId: 'nerima', now: '2023-04-01T00:00:00.000Z' };
export const later = { ...context, now: '2023-04-01T00:00:05.000Z' };
export const summary = { importId: 'k-1', files: [], catalogueCommands: 0, records: [] };

export const step = (itemId: string): BatchStep => ({
  stream: `evaluation-nerima-2022-project-${itemId}`,
  expectedRevision: -1,
  command: { kind: 'catalogue', commands: [] },
});

export const started: EventOf<'ImportStarted'> = {
  type: 'ImportStarted',
  data: { wardId: 'nerima', ...summary, run: 1, actor: planner, chunks: 1, startedAt: context.now },
};
export const recorded: ImportEvent = {
  type: 'ImportStepsRecorded',
  data: { wardId: 'nerima', importId: 'k-1', batch: 'import', chunk: 0, steps: [step('P01-001')] },
};
export const completed: EventOf<'ImportCompleted'> = {
  type: 'ImportCompleted',
  data: { wardId: 'nerima', importId: 'k-1', conflicts: [], completedAt: context.now },
};
export const reversionStarted: EventOf<'ImportReversionStarted'> = {
  type: 'ImportReversionStarted',
  data: { wardId: 'nerima', importId: 'k-1', actor: planner, reason: '誤り', chunks: 0, startedAt: context.now },
};
export const reverted: ImportEvent = {
  type: 'ImportReverted',
  data: { wardId: 'nerima', importId: 'k-1', reason: '誤り', revertedAt: later.now, conflicts: [] },
};
/** A run applied and shown: what a reversion starts from. */
export const importedRun: ImportEvent[] = [started, recorded, completed];

export const given = deciderSpec(importDecider).given;
