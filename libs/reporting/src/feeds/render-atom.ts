import { FIELD_LABELS } from './correction-changes';
import { changeLine, CorrectionFeed, entryTitle, feedTitle } from './correction-feed';
import { correctionHtml } from './changes-html';

/** XML 1.0 forbids most C0 controls even escaped; they carry nothing a reader needs. */
const xml = (value: string | number) =>
  String(value)
    // eslint-disable-next-line no-control-regex -- matching control characters is the point: they are removed
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
    .replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The correction feed in Atom (RFC 4287): feed id/title/updated/author, and per entry id (the
 * corrected version's address, which never changes), title, updated, published, author, link,
 * summary (the reason and the changes in plain text) and content (the same as an HTML table).
 * Hand-written: a dozen elements, and the bytes stay stable for the same corrections.
 */
export function renderCorrectionAtom(feed: CorrectionFeed): string {
  const entries = feed.entries.map((entry) =>
    [
      '<entry>',
      `<id>${xml(entry.url)}</id>`,
      `<title>${xml(entryTitle(entry))}</title>`,
      `<updated>${xml(entry.publishedAt)}</updated>`,
      `<published>${xml(entry.publishedAt)}</published>`,
      `<author><name>${xml(entry.office)}</name></author>`,
      `<link rel="alternate" type="text/html" href="${xml(entry.url)}?format=html"/>`,
      `<category term="correction" label="訂正"/>`,
      `<summary>${xml([entry.reason, ...entry.changes.map((c) => changeLine(c, FIELD_LABELS[c.field].ja)), entry.fingerprint].join('\n'))}</summary>`,
      `<content type="html">${xml(correctionHtml(entry))}</content>`,
      '</entry>',
    ].join(''),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>\n',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ja">',
    `<id>${xml(feed.atomUrl)}</id>`,
    `<title>${xml(feedTitle(feed))}</title>`,
    `<updated>${xml(feed.updated)}</updated>`,
    `<author><name>${xml(feed.wardName)}</name></author>`,
    `<link rel="self" type="application/atom+xml" href="${xml(feed.atomUrl)}"/>`,
    `<link rel="alternate" type="application/json" href="${xml(feed.homeUrl)}"/>`,
    ...entries,
    '</feed>\n',
  ].join('');
}
