import type { StepConflict } from '../batch/import-batch';
import type { ImportCommandOf } from './import.commands';
import type { ImportEvent } from './import.events';
import { currentRun } from './import.state';
import type { ImportStreamState } from './import.state';

export type CompleteImport = ImportCommandOf<'CompleteImport', { conflicts: StepConflict[] }>;

/** Every step applied: the import shows, with the steps others' writes made it skip. Only once. */
export function decideCompleteImport({ data, context }: CompleteImport, state: ImportStreamState): ImportEvent[] {
  const current = currentRun(state);
  if (current?.status !== 'started') return [];
  const { importId } = current.summary;
  return [
    {
      type: 'ImportCompleted',
      data: { wardId: context.wardId, importId, conflicts: data.conflicts, completedAt: context.now },
    },
  ];
}
