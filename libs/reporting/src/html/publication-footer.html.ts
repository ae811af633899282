import { LABELS } from '../labels';
import type { PublicationInfo } from '../publication-info';
import { publicationTable } from '../tables/publication-table';
import { escapeHtml } from './escape';
import { tableHtml } from './html-table';

/**
 * 公表情報: version, date, data position, template and, for a published version, one line to
 * verify it by (address, fingerprint, the signed checkpoint covering it; issues 13 and 14). The
 * table of every stream's hash is gone from the page: the fingerprint covers those heads, and the
 * Excel workbook and the JSON keep them whole for an auditor.
 */
export function publicationFooterHtml(publication: PublicationInfo): string {
  return [
    '<footer aria-labelledby="publication-heading">',
    `<h2 id="publication-heading">${escapeHtml(LABELS.publicationHeading)}</h2>`,
    tableHtml(publicationTable(publication), 'report-table publication-table'),
    '</footer>',
  ].join('');
}
