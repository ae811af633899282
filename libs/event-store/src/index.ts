export * from './event-store.port';
export * from './errors';
export * from './sqlite/sqlite-event-store';
export type { EsdbEventStore } from './esdb/esdb-event-store';
export { connectEventStoreDb } from './esdb/connect-event-store-db';
export * from './command-handling/event-ids';
export * from './command-handling/handle-command';
export * from './command-handling/per-stream-queue';
