import { schemeOf, Summary } from '@pdca/review';

/** The summaries are the schemes' own (libs/review/src/schemes/<id>/<id>.summary.ts); re-exported for the read side. */
export { nerimaSummary, ordinalSummary, taishoSummary } from '@pdca/review';
export type { NerimaSummary, OrdinalSummary, Summary, SummaryRow, TaishoSummary } from '@pdca/review';

/** Flat counts kept in the publication event, e.g. { 'A+': 21, A: 284, 'B:covid19': 4, total: 383 }. */
export const summaryCounts = (summary: Summary): Record<string, number> => schemeOf(summary.scheme).counts(summary);
