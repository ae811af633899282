import { assertNever, conflict, notFound, requireRole } from '@pdca/kernel';
import type { Actor } from '@pdca/kernel';
import type { BatchStep, StepConflict } from '../batch/import-batch';
import type { BatchKind, ImportEvent, ImportSummary } from './import.events';
import { currentRun, runOf } from './import.state';
import type { ImportStreamState } from './import.state';

interface Context {
  actor: Actor;
  wardId: string;
  now: string;
}

export type ImportCommand =
  | { type: 'StartImport'; data: { summary: ImportSummary; steps: BatchStep[] }; context: Context }
  | { type: 'CompleteImport'; data: { conflicts: StepConflict[] }; context: Context }
  | { type: 'AbandonBatch'; data: { batch: BatchKind; reason: string }; context: Context }
  | { type: 'StartReversion'; data: { importId: string; reason: string; steps: BatchStep[] }; context: Context }
  | { type: 'CompleteReversion'; data: { conflicts: StepConflict[] }; context: Context };

/** Steps per ImportStepsRecorded event: chunks stay far below EventStoreDB's 1 MB per append. */
const CHUNK_BYTES = 256 * 1024;

export function decideImportRun(command: ImportCommand, state: ImportStreamState): ImportEvent[] {
  const { actor, wardId, now } = command.context;
  const current = currentRun(state);
  switch (command.type) {
    case 'StartImport': {
      requireRole(actor, 'planning_office');
      if (current?.status === 'started' || current?.status === 'reverting') throw importInProgress();
      const chunks = chunkSteps(command.data.steps);
      const run = (current?.run ?? 0) + 1;
      return [
        {
          type: 'ImportStarted',
          data: { wardId, ...command.data.summary, run, actor, chunks: chunks.length, startedAt: now },
        },
        ...chunks.map((steps, chunk): ImportEvent => ({
          type: 'ImportStepsRecorded',
          data: { wardId, importId: command.data.summary.importId, batch: 'import', chunk, steps },
        })),
      ];
    }
    case 'CompleteImport':
      if (current?.status !== 'started') return [];
      return [
        {
          type: 'ImportCompleted',
          data: { wardId, importId: current.summary.importId, conflicts: command.data.conflicts, completedAt: now },
        },
      ];
    case 'AbandonBatch':
      if (current?.status !== 'started' && current?.status !== 'reverting') return [];
      return [
        {
          type: 'ImportAbandoned',
          data: {
            wardId,
            importId: current.summary.importId,
            batch: command.data.batch,
            reason: command.data.reason,
            abandonedAt: now,
          },
        },
      ];
    case 'StartReversion': {
      requireRole(actor, 'planning_office');
      const run = runOf(state, command.data.importId);
      if (!run || run.status === 'abandoned') throw importNotFound(command.data.importId);
      if (run.status === 'reverted' || run.status === 'reverting') return [];
      if (run !== current || run.status === 'started') throw importInProgress();
      const { importId } = run.summary;
      const chunks = chunkSteps(command.data.steps);
      return [
        {
          type: 'ImportReversionStarted',
          data: { wardId, importId, actor, reason: command.data.reason, chunks: chunks.length, startedAt: now },
        },
        ...chunks.map((steps, chunk): ImportEvent => ({
          type: 'ImportStepsRecorded',
          data: { wardId, importId, batch: 'reversion', chunk, steps },
        })),
      ];
    }
    case 'CompleteReversion':
      if (current?.status !== 'reverting') return [];
      return [
        {
          type: 'ImportReverted',
          data: {
            wardId,
            importId: current.summary.importId,
            reason: current.reversion.reason,
            revertedAt: now,
            conflicts: command.data.conflicts,
          },
        },
      ];
    default:
      return assertNever(command, 'import command');
  }
}

function chunkSteps(steps: BatchStep[]): BatchStep[][] {
  const chunks: BatchStep[][] = [];
  let bytes = Infinity;
  for (const step of steps) {
    const size = Buffer.byteLength(JSON.stringify(step));
    if (bytes + size > CHUNK_BYTES) {
      chunks.push([]);
      bytes = 0;
    }
    chunks[chunks.length - 1].push(step);
    bytes += size;
  }
  return chunks;
}

export const importNotFound = (importId: string) =>
  notFound('IMPORT_NOT_FOUND', `取込み「${importId}」はありません。`, `No import ${importId}.`, { importId });

const importInProgress = () =>
  conflict(
    'IMPORT_IN_PROGRESS',
    'この取込みは処理中です。少し待ってから再度お試しください。',
    'This import is still being applied; retry shortly.',
  );
