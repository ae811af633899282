import { CsvColumn, excelCsv } from '../http/excel-csv';
import type { TrailEntry } from './audit-trail.service';

const COLUMNS: CsvColumn<TrailEntry>[] = [
  ['年度', (e) => e.fiscalYear],
  ['位置', (e) => e.position],
  ['ストリーム', (e) => e.stream],
  ['リビジョン', (e) => e.revision],
  ['イベント', (e) => e.event],
  ['日時', (e) => e.at],
  ['実施者', (e) => e.actor],
  ['役割', (e) => e.role],
  ['相関ID', (e) => e.correlationId],
  ['内容', (e) => JSON.stringify(e.detail)],
  ['ハッシュ', (e) => e.hash ?? ''],
];

export const trailCsv = (trail: TrailEntry[]): string => excelCsv(COLUMNS, trail);
