import type { EventStore } from '@pdca/event-store';

export interface ProjectionLag {
  head: number;
  position: number;
  /** Events in the store after the read models' position. */
  lag: number;
}

/**
 * SQLite positions are AUTOINCREMENT, one per event and never reused, so head − position counts
 * the events behind exactly. EventStoreDB positions are byte offsets: there the events after the
 * position are counted, at most `cap` of them (the readiness bound + 1 is enough to judge it).
 */
export async function projectionLag(
  store: EventStore,
  position: number,
  positionsAreEventCounts: boolean,
  cap: number,
): Promise<ProjectionLag> {
  const head = await store.headPosition();
  if (head <= position) return { head, position, lag: 0 };
  if (positionsAreEventCounts) return { head, position, lag: head - position };
  const behind = await store.readAll({ after: position, maxCount: cap });
  return { head, position, lag: behind.length };
}
