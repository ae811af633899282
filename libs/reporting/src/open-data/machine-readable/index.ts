export * from './open-data-table';
export * from './open-data-tables';
export * from './plain-codes';
export * from './render-open-data';
