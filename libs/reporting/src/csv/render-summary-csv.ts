import type { ReportModel } from '@pdca/projections';
import type { SummaryLine } from '../schemes/report-scheme';
import { reportSchemeOf } from '../schemes/registry';
import { LABELS } from '../labels';
import type { PublicationInfo } from '../publication-info';
import { shareOf } from '../format';
import type { FlatColumn } from '../open-data/flat-columns';
import { csvDocument } from './csv-document';

/** The summary table as open data: one line per rating, B の内訳, 未評価 and 合計. */
export function renderSummaryCsv(model: ReportModel, publication: PublicationInfo): string {
  const columns: Array<FlatColumn<SummaryLine>> = [
    { header: '年度', width: 8, value: () => model.fiscalYear },
    { header: '版', width: 5, value: () => publication.version },
    { header: '区分', width: 10, value: (line) => line.group },
    { header: 'コード', width: 16, value: (line) => line.key },
    { header: '内容', width: 50, value: (line) => line.label },
    { header: '件数', width: 8, value: (line) => line.count },
    { header: '割合（%）', width: 8, value: (line) => line.share },
  ];
  return csvDocument(columns, summaryLines(model));
}

function summaryLines(model: ReportModel): SummaryLine[] {
  const summary = model.summary;
  return [
    ...reportSchemeOf(summary.scheme).summaryLines(summary),
    {
      group: LABELS.unrated,
      key: 'unrated',
      label: LABELS.unrated,
      count: summary.unrated,
      share: shareOf(summary.unrated, summary.total),
    },
    {
      group: LABELS.total,
      key: 'total',
      label: LABELS.total,
      count: summary.total,
      share: summary.total === 0 ? 0 : 100,
    },
  ];
}
