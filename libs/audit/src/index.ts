export * from './hash-chain';
export * from './chain-verification';
export * from './chained-event-store';
export * from './verify-store';
