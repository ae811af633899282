import type { StepConflict } from '../batch/import-batch';
import type { ImportCommandOf } from './import.commands';
import type { ImportEvent } from './import.events';
import { currentRun } from './import.state';
import type { ImportStreamState } from './import.state';

export type CompleteReversion = ImportCommandOf<'CompleteReversion', { conflicts: StepConflict[] }>;

/** Every compensating step applied: the import is reverted, with the reason given when it started. Only once. */
export function decideCompleteReversion({ data, context }: CompleteReversion, state: ImportStreamState): ImportEvent[] {
  const current = currentRun(state);
  if (current?.status !== 'reverting') return [];
  const { importId } = current.summary;
  const { reason } = current.reversion;
  const { conflicts } = data;
  return [
    { type: 'ImportReverted', data: { wardId: context.wardId, importId, reason, revertedAt: context.now, conflicts } },
  ];
}
