export * from './domain-error';
export * from './decider';
export * from './clock';
export * from './fiscal-year';
export * from './measured-value';
export * from './actor';
export * from './canonical-json';
export * from './safe-id';
