import type { RecordedEvent } from '@pdca/event-store';

/** One line of a rating's history: who did what, in which role, when and why. */
export interface HistoryEntry {
  revision: number;
  position: number;
  event: string;
  at: string;
  actor: string;
  role: string;
  correlationId: string;
  /** The why: comments, reasons and ratings carried by the event. */
  detail: Record<string, unknown>;
  hash?: string;
}

export function historyEntry(event: RecordedEvent): HistoryEntry {
  const { item: _item, ...detail } = event.data as Record<string, unknown>;
  return {
    revision: event.revision,
    position: event.position,
    event: event.type,
    at: event.metadata.recordedAt,
    actor: event.metadata.actor,
    role: event.metadata.role,
    correlationId: event.metadata.correlationId,
    detail,
    hash: typeof event.metadata.hash === 'string' ? event.metadata.hash : undefined,
  };
}
