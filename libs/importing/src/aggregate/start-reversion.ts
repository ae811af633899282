import { requireRole } from '@pdca/kernel';
import type { BatchStep } from '../batch/import-batch';
import type { ImportCommandOf } from './import.commands';
import { importInProgress, importNotFound } from './import.errors';
import type { ImportEvent } from './import.events';
import { currentRun, runOf } from './import.state';
import type { ImportStreamState } from './import.state';
import { stepsRecorded } from './step-chunks';

export type StartReversion = ImportCommandOf<
  'StartReversion',
  { importId: string; reason: string; steps: BatchStep[] }
>;

/**
 * The planning office undoes a completed import by compensating steps, recorded like an import's.
 * Reverting it again decides nothing; an abandoned import was never applied, so there is nothing to revert.
 */
export function decideStartReversion({ data, context }: StartReversion, state: ImportStreamState): ImportEvent[] {
  const { actor, wardId, now } = context;
  requireRole(actor, 'planning_office');
  const run = runOf(state, data.importId);
  if (!run || run.status === 'abandoned') throw importNotFound(data.importId);
  if (run.status === 'reverted' || run.status === 'reverting') return [];
  if (run !== currentRun(state) || run.status === 'started') throw importInProgress();
  const { importId } = run.summary;
  const recorded = stepsRecorded({ wardId, importId }, 'reversion', data.steps);
  const { reason } = data;
  return [
    {
      type: 'ImportReversionStarted',
      data: { wardId, importId, actor, reason, chunks: recorded.length, startedAt: now },
    },
    ...recorded,
  ];
}
