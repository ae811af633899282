import type { EventStore } from '@pdca/event-store';

/**
 * Closes a store with a timer holding the event loop open. Since the SQLite store writes through an
 * (unref'd) worker thread, a process with nothing else pending exits silently, with code 0, in the
 * middle of close() — the bench has no server of its own, so it would stop right there.
 */
export async function closeStore(store: EventStore): Promise<void> {
  const keepAlive = setInterval(() => undefined, 1_000);
  try {
    await store.close();
  } finally {
    clearInterval(keepAlive);
  }
}
