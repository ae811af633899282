export * from './event-store.port';
export * from './errors';
export * from './sqlite/sqlite-event-store';
export * from './esdb/esdb-event-store';
export * from './command-handling/event-ids';
export * from './command-handling/handle-command';
