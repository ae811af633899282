import type { EsdbEventStore } from './esdb-event-store';

/**
 * The EventStoreDB adapter, loaded when it is selected: its gRPC client costs ~20 MB of memory that
 * a service on the embedded SQLite store would carry for nothing.
 */
export function connectEventStoreDb(connectionString: string): EsdbEventStore {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberately lazy
  const adapter = require('./esdb-event-store') as typeof import('./esdb-event-store');
  return adapter.EsdbEventStore.connect(connectionString);
}
