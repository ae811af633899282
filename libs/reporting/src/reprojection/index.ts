export * from './rule-revision';
export * from './reproject-summary';
