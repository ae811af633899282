import type { TrailEntry } from './audit-trail.service';

const COLUMNS: Array<[string, (e: TrailEntry) => unknown]> = [
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

// RFC 4180 quoting of every cell; with a BOM so Excel opens the Japanese correctly.
const cell = (value: unknown) => `"${String(value).replace(/"/g, '""')}"`;

export function trailCsv(trail: TrailEntry[]): string {
  const lines = [COLUMNS.map(([header]) => cell(header)).join(','), ...trail.map((entry) => COLUMNS.map(([, get]) => cell(get(entry))).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
