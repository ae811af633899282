import { LABELS } from '../labels';
import type { PublicationInfo } from '../publication-info';
import { chainHeadsTable, publicationTable } from '../tables/publication-table';
import { escapeHtml } from './escape';
import { tableHtml } from './html-table';

/** A reader sees the first heads at a glance; an auditor opens the full list with whole hashes. */
const COMPACT_HEADS = 8;

export function publicationFooterHtml(publication: PublicationInfo): string {
  const count = Object.keys(publication.chainHeads).length;
  return [
    '<footer aria-labelledby="publication-heading">',
    `<h2 id="publication-heading">${escapeHtml(LABELS.publicationHeading)}</h2>`,
    tableHtml(publicationTable(publication), 'report-table publication-table'),
    tableHtml(chainHeadsTable(publication, { full: false, limit: COMPACT_HEADS, id: 'chain-heads' }), 'report-table chain-table'),
    count > COMPACT_HEADS ? `<p>ほか${count - COMPACT_HEADS}件は下の一覧にあります。</p>` : '',
    '<details>',
    `<summary>すべてのストリームとハッシュ（${count}件）</summary>`,
    tableHtml(chainHeadsTable(publication, { full: true, id: 'chain-heads-full' }), 'report-table chain-table'),
    '</details>',
    '</footer>',
  ].join('');
}
