import type { SummaryRow } from '@pdca/review';
import type { CountJson } from './report-json';

export const countJson = (row: SummaryRow): CountJson => ({
  code: row.key,
  label: row.label,
  count: row.count,
  share: row.share,
});
