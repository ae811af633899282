export * from './read-models';
export * from './project-event';
export * from './queries/item-views';
export * from './queries/inbox';
export * from './queries/summary';
export * from './queries/report-model';
export * from './runner/projection-runner';
export * from './runner/snapshot';
