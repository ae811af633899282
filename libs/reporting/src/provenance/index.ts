export * from './rating-decisions';
export * from './summary-cells';
export * from './summary-provenance';
export * from './provenance-html';
