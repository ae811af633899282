import type { ReportModel, SummaryRow } from '@pdca/projections';
import { LABELS } from '../labels';
import type { PublicationInfo } from '../publication-info';
import { shareOf } from '../format';
import type { FlatColumn } from '../open-data/flat-columns';
import { csvDocument } from './csv-document';

interface Line {
  group: string;
  key: string;
  label: string;
  count: number;
  share?: number;
}

/** The summary table as open data: one line per rating, B の内訳, 未評価 and 合計. */
export function renderSummaryCsv(model: ReportModel, publication: PublicationInfo): string {
  const columns: Array<FlatColumn<Line>> = [
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

function summaryLines(model: ReportModel): Line[] {
  const summary = model.summary;
  const line = (group: string) => (row: SummaryRow): Line => ({ group, key: row.key, label: row.label, count: row.count, share: row.share });
  const lines = summary.scheme === 'nerima'
    ? summary.rows.flatMap((row) => [line('評価')(row), ...(row.key === 'B' ? summary.bReasons.map(line('Bの内訳')) : [])])
    : [
        ...summary.projects.map(line('取組')),
        ...summary.kpis.map(line('指標')),
        { group: '撤退基準', key: 'withdrawal', label: '撤退基準に該当した取組', count: summary.withdrawalCriteriaHit },
      ];
  return [
    ...lines,
    { group: LABELS.unrated, key: 'unrated', label: LABELS.unrated, count: summary.unrated, share: shareOf(summary.unrated, summary.total) },
    { group: LABELS.total, key: 'total', label: LABELS.total, count: summary.total, share: summary.total === 0 ? 0 : 100 },
  ];
}
