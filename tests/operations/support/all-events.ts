import type { EventStore, RecordedEvent } from '@pdca/event-store';

/** Every event of a store in its log order (closes the store when asked). */
export async function allEvents(store: EventStore, close = false): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  try {
    for (let after = 0; ;) {
      const page = await store.readAll({ after, maxCount: 1_000 });
      if (page.length === 0) return events;
      events.push(...page);
      after = page[page.length - 1].position;
    }
  } finally {
    if (close) await store.close();
  }
}

/** An event as both stores hold it: the position is each store's own. */
export const withoutPosition = ({ position: _position, ...event }: RecordedEvent) => event;
