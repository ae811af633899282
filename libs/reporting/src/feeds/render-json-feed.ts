import { FIELD_LABELS } from './correction-changes';
import { changeLine, CorrectionFeed, entryTitle, feedTitle } from './correction-feed';
import { correctionHtml } from './changes-html';

/**
 * JSON Feed 1.1 (https://jsonfeed.org/version/1.1): version, title, items with id and content. The
 * machine-readable facts of each correction ride in the item's `_correction` extension (the spec's
 * way to extend: a key starting with an underscore), so a program needs no HTML parsing.
 */
export function renderCorrectionJsonFeed(feed: CorrectionFeed): object {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: feedTitle(feed),
    home_page_url: feed.homeUrl,
    feed_url: feed.jsonUrl,
    language: 'ja',
    authors: [{ name: feed.wardName }],
    items: feed.entries.map((entry) => ({
      id: entry.url,
      url: `${entry.url}?format=html`,
      title: entryTitle(entry),
      content_html: correctionHtml(entry),
      content_text: [
        entry.reason,
        ...entry.changes.map((c) => changeLine(c, FIELD_LABELS[c.field].ja)),
        entry.fingerprint,
      ].join('\n'),
      date_published: entry.publishedAt,
      authors: [{ name: entry.office }],
      tags: ['訂正'],
      _correction: {
        wardId: feed.wardId,
        fiscalYear: entry.fiscalYear,
        version: entry.version,
        reason: entry.reason,
        office: entry.office,
        fingerprint: entry.fingerprint,
        changes: entry.changes,
      },
    })),
  };
}
