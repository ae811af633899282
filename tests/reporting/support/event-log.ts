import type { RecordedEvent } from '@pdca/event-store';

/** Recorded events as the store would hand them to a projection: per-stream revisions, one global position. */
export function eventLog(recordedAt: string) {
  const events: RecordedEvent[] = [];
  const revisions = new Map<string, number>();
  return {
    events,
    append(stream: string, type: string, data: unknown): void {
      const revision = (revisions.get(stream) ?? -1) + 1;
      revisions.set(stream, revision);
      const position = events.length + 1;
      events.push({
        id: `event-${position}`,
        stream,
        revision,
        position,
        type,
        data,
        metadata: {
          actor: 'planning-office',
          role: 'planning_office',
          correlationId: `c-${position}`,
          causationId: `c-${position}`,
          recordedAt,
        },
      });
    },
  };
}
