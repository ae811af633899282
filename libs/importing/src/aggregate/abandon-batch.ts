import type { ImportCommandOf } from './import.commands';
import type { BatchKind, ImportEvent } from './import.events';
import { currentRun } from './import.state';
import type { ImportStreamState } from './import.state';

export type AbandonBatch = ImportCommandOf<'AbandonBatch', { batch: BatchKind; reason: string }>;

/** A batch that cannot be finished (its chunks were never all recorded) is closed unapplied. */
export function decideAbandonBatch({ data, context }: AbandonBatch, state: ImportStreamState): ImportEvent[] {
  const current = currentRun(state);
  if (current?.status !== 'started' && current?.status !== 'reverting') return [];
  const { importId } = current.summary;
  const { batch, reason } = data;
  return [
    { type: 'ImportAbandoned', data: { wardId: context.wardId, importId, batch, reason, abandonedAt: context.now } },
  ];
}
