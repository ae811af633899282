export * from './correction-changes';
export * from './correction-feed';
export * from './render-atom';
export * from './render-json-feed';
