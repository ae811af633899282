import { LABELS } from '../labels';
import { verificationBlock } from '../layout/verification-block';
import type { PublicationInfo } from '../publication-info';
import { publicationTable } from '../tables/publication-table';
import { usesVerificationBlock } from '../template-version';
import { escapeHtml } from './escape';
import { tableHtml } from './html-table';

/**
 * 公表情報: version, date, data position, template and, for a published version, one line to
 * verify it by (address, fingerprint, the signed checkpoint covering it; issues 13 and 14). The
 * table of every stream's hash is gone from the page: the fingerprint covers those heads, and the
 * Excel workbook and the JSON keep them whole for an auditor. From report-template/5 the data
 * position, template and verification line are one block worded for a resident (検証用情報).
 */
export function publicationFooterHtml(publication: PublicationInfo): string {
  return [
    '<footer aria-labelledby="publication-heading">',
    `<h2 id="publication-heading">${escapeHtml(LABELS.publicationHeading)}</h2>`,
    tableHtml(publicationTable(publication), 'report-table publication-table'),
    usesVerificationBlock(publication.templateVersion) ? verificationBlockHtml(publication) : '',
    '</footer>',
  ].join('');
}

/** report-template/5: the block's own styles, added to the page's only where the block is printed. */
export const VERIFICATION_BLOCK_CSS =
  '\n.verification dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; }\n.verification dt { font-weight: bold; }\n.verification dd { margin: 0; overflow-wrap: anywhere; }\n';

function verificationBlockHtml(publication: PublicationInfo): string {
  const block = verificationBlock(publication);
  const value = (text: string) =>
    text === block.address ? `<a href="${escapeHtml(text)}">${escapeHtml(text)}</a>` : escapeHtml(text);
  const entries = block.entries.map(([label, text]) => `<dt>${escapeHtml(label)}</dt><dd>${value(text)}</dd>`).join('');
  return [
    '<section class="verification" aria-labelledby="verification-heading">',
    `<h3 id="verification-heading">${escapeHtml(block.heading)}</h3>`,
    `<p>${escapeHtml(block.lead)}</p>`,
    entries ? `<dl>${entries}</dl>` : '',
    '</section>',
  ].join('');
}
