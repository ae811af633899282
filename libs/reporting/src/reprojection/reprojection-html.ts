import type { SummaryRow } from '@pdca/review';
import { escapeHtml } from '../html/escape';
import { REPORT_CSS } from '../html/report-styles';
import type { SideBySide } from './reproject-summary';

const head = (cells: string[]) =>
  `<thead><tr>${cells.map((cell) => `<th scope="col">${escapeHtml(cell)}</th>`).join('')}</tr></thead>`;
const row = (header: string, cells: Array<string | number>) =>
  `<tr><th scope="row">${escapeHtml(header)}</th>${cells.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`;
const share = (summaryRow: SummaryRow | undefined) => (summaryRow ? `${summaryRow.share}%` : '—');

function reasonsTable(id: string, caption: string, reasons: SummaryRow[]): string {
  const body = reasons.map((reason) => row(reason.label, [reason.key, reason.count, share(reason)])).join('');
  return `<table id="${id}" class="report-table"><caption>${escapeHtml(caption)}</caption>${head(['区分', 'コード', '件数', '割合'])}<tbody>${body}</tbody></table>`;
}

/**
 * The planning office's page for a past year under revised rules: the grades with their wording before
 * and after (counts unchanged: nothing is re-rated), the B breakdown under the old categories and the
 * new ones side by side, and each project whose category moves. Computed from the stored ratings; the
 * page says so, since it is not a published version.
 */
export function renderReprojectionHtml(side: SideBySide, title: string): string {
  const revised = new Map(side.revised.rows.map((summaryRow) => [summaryRow.key, summaryRow]));
  const grades = side.original.rows
    .map((original) =>
      row(original.key, [
        original.label,
        revised.get(original.key)?.label ?? original.label,
        original.count,
        share(original),
      ]),
    )
    .join('');
  const labelOf = (reasons: SummaryRow[], key: string) => reasons.find((reason) => reason.key === key)?.label ?? key;
  const moves = side.moves
    .map((move) =>
      row(move.projectId, [
        move.name,
        labelOf(side.original.bReasons, move.from),
        labelOf(side.revised.bReasons, move.to),
      ]),
    )
    .join('');
  return [
    '<!DOCTYPE html>',
    '<html lang="ja">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${REPORT_CSS}.side-by-side{display:flex;gap:1.5em;flex-wrap:wrap}.side-by-side>table{flex:1 1 20em}</style>`,
    '</head>',
    '<body>',
    `<header><h1>${escapeHtml(title)}</h1>`,
    `<p role="note">改定後のルール「${escapeHtml(side.revision)}」で数え直した集計です。記録（イベント）も公表済みの版も変えていません。評価そのものは変わらず、Bの内訳の区分と評価の表記だけが改定後のものです。</p></header>`,
    '<main>',
    `<table id="grades" class="report-table"><caption>評価の表記（件数は同じ）</caption>${head(['評価', '元の表記', '改定後の表記', '件数', '割合'])}<tbody>${grades}${row('合計', ['', '', side.original.total, '100%'])}</tbody></table>`,
    '<h2>Bの内訳</h2>',
    '<div class="side-by-side">',
    reasonsTable('original-reasons', '元の区分', side.original.bReasons),
    reasonsTable('revised-reasons', `改定後の区分（${side.revision}）`, side.revised.bReasons),
    '</div>',
    `<h2>区分が変わる取組（${side.moves.length}件）</h2>`,
    side.moves.length
      ? `<table id="moves" class="report-table"><caption>区分が変わる取組</caption>${head(['取組ID', '取組名', '元の区分', '改定後の区分'])}<tbody>${moves}</tbody></table>`
      : '<p>ありません。</p>',
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
