import { requireRole } from '@pdca/kernel';
import type { BatchStep } from '../batch/import-batch';
import type { ImportCommandOf } from './import.commands';
import { importInProgress } from './import.errors';
import type { ImportEvent, ImportSummary } from './import.events';
import { currentRun } from './import.state';
import type { ImportStreamState } from './import.state';
import { stepsRecorded } from './step-chunks';

export type StartImport = ImportCommandOf<'StartImport', { summary: ImportSummary; steps: BatchStep[] }>;

/**
 * The planning office confirms an import: the batch it was shown is recorded in chunks before any
 * of it is applied, so a crash half-way can be finished or abandoned. The same files imported
 * again after a reversion are the stream's next run; while one is being applied, none starts.
 */
export function decideStartImport({ data, context }: StartImport, state: ImportStreamState): ImportEvent[] {
  const { actor, wardId, now } = context;
  requireRole(actor, 'planning_office');
  const current = currentRun(state);
  if (current?.status === 'started' || current?.status === 'reverting') throw importInProgress();
  const recorded = stepsRecorded({ wardId, importId: data.summary.importId }, 'import', data.steps);
  const run = (current?.run ?? 0) + 1;
  const opened = { wardId, ...data.summary, run, actor, chunks: recorded.length, startedAt: now };
  return [{ type: 'ImportStarted', data: opened }, ...recorded];
}
