export * from './hashing';
export * from './event-leaf';
export * from './merkle-tree';
export * from './proof-verification';
export * from './signed-note';
export * from './checkpoint';
export * from './proof-json';
export * from './verifier';
