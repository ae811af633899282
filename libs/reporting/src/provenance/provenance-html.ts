import { dateLabel } from '@pdca/kernel';
import { escapeHtml } from '../html/escape';
import { REPORT_CSS } from '../html/report-styles';
import { ratingSymbol } from '../labels';
import type { RatingDecision } from './rating-decisions';
import type { ProvenanceItem, SummaryProvenance } from './summary-provenance';

export const cellAnchor = (key: string) =>
  `cell-${key.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`)}`;
const itemAnchor = (item: { kind: string; itemId: string }) => `item-${item.kind}-${item.itemId}`;

/**
 * The page a summary cell links to: per cell (anchor cell-KEY) the items it counts, and per item
 * (anchor item-KIND-ID) the decisions that made its rating — who (office), role, when, what, why.
 */
export function renderProvenanceHtml(provenance: SummaryProvenance, title: string): string {
  const items = new Map(provenance.items.map((item) => [`${item.kind}:${item.itemId}`, item]));
  const cells = provenance.cells.map((cell) => {
    const links = cell.items
      .map(
        (ref) =>
          `<li><a href="#${escapeHtml(itemAnchor(ref))}">${escapeHtml(ref.itemId)} ${escapeHtml(items.get(`${ref.kind}:${ref.itemId}`)?.name ?? '')}</a></li>`,
      )
      .join('');
    const share = cell.share === undefined ? '' : `（${cell.share}%）`;
    return `<section id="${escapeHtml(cellAnchor(cell.key))}"><h3>${escapeHtml(cell.label)}: ${cell.count}件${escapeHtml(share)}</h3>${links ? `<ol>${links}</ol>` : '<p>該当なし</p>'}</section>`;
  });
  return [
    '<!DOCTYPE html>',
    '<html lang="ja">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    `<header><h1>${escapeHtml(title)}</h1><p>集計表の数ごとに、数えた取組・指標と、その評価を決めた記録（誰が・どの立場で・いつ・なぜ）を示します。</p></header>`,
    '<main>',
    `<h2>集計表の数と取組</h2>${cells.join('')}`,
    `<h2>取組ごとの評価の記録</h2>${provenance.items.map(itemHtml).join('')}`,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function itemHtml(item: ProvenanceItem): string {
  const rows = item.decisions.map(decisionRow).join('');
  return [
    `<section id="${escapeHtml(itemAnchor(item))}"><h3>${escapeHtml(item.itemId)} ${escapeHtml(item.name)}（${escapeHtml(ratingSymbol(item.rating))}）</h3>`,
    `<p>${escapeHtml(item.section)}</p>`,
    `<table class="report-table"><caption>評価の記録</caption><thead><tr><th scope="col">日時</th><th scope="col">内容</th><th scope="col">担当</th><th scope="col">評価</th><th scope="col">理由・コメント</th></tr></thead><tbody>${rows}</tbody></table>`,
    '</section>',
  ].join('');
}

function decisionRow(decision: RatingDecision): string {
  const by = decision.actor ? `${decision.office}（${decision.actor}）` : decision.office;
  const rating = decision.rating
    ? `${decision.from ? `${ratingSymbol(decision.from)} → ` : ''}${ratingSymbol(decision.rating)}`
    : '';
  return `<tr><th scope="row">${escapeHtml(dateLabel(new Date(decision.at)))}</th><td>${escapeHtml(decision.what)}</td><td>${escapeHtml(by)}</td><td>${escapeHtml(rating)}</td><td>${escapeHtml(decision.reason ?? '')}</td></tr>`;
}
