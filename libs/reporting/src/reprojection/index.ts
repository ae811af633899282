export * from './rule-revision';
export * from './reproject-summary';
export * from './reprojection-html';
