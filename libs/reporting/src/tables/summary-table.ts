import type { ReportModel } from '@pdca/projections';
import { LABELS } from '../labels';
import type { SummaryTableOptions } from '../schemes/report-scheme';
import { reportSchemeOf } from '../schemes/registry';
import type { Table } from './table';

export type { SummaryTableOptions } from '../schemes/report-scheme';

/** Seed 002's opening table, laid out by the summary's scheme (libs/reporting/src/schemes). */
export function summaryTable(model: ReportModel, id = 'summary', options: SummaryTableOptions = {}): Table {
  const caption = `${LABELS.summaryHeading}（${model.fiscalYearLabel}）`;
  return reportSchemeOf(model.summary.scheme).summaryTable(model.summary, id, caption, options);
}
