import { escapeHtml } from '../html/escape';
import { FIELD_LABELS } from './correction-changes';
import type { CorrectionEntry } from './correction-feed';

/** The entry's body for feed readers: why, when, by whom, the fingerprint, and a table of before → after. */
export function correctionHtml(entry: CorrectionEntry): string {
  const rows = entry.changes.map(
    (change) =>
      `<tr><th scope="row">${escapeHtml(change.itemId)} ${escapeHtml(change.name)}</th><td>${escapeHtml(FIELD_LABELS[change.field].ja)}</td><td>${escapeHtml(change.before)}</td><td>${escapeHtml(change.after)}</td><td>${escapeHtml(change.reason ?? '')}</td></tr>`,
  );
  return [
    `<p>訂正の理由: ${escapeHtml(entry.reason)}</p>`,
    `<p>公表: ${escapeHtml(entry.publishedAt)} ${escapeHtml(entry.office)}</p>`,
    `<p>第${entry.version}版のフィンガープリント: <code>${escapeHtml(entry.fingerprint)}</code></p>`,
    entry.changes.length
      ? `<table><caption>訂正した箇所</caption><thead><tr><th scope="col">取組・指標</th><th scope="col">項目</th><th scope="col">訂正前</th><th scope="col">訂正後</th><th scope="col">理由</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
      : '<p>数値・評価の変更はありません（表記のみの訂正）。</p>',
  ].join('');
}
