import { parseCheckpoint } from '../checkpoint';
import { parseNote } from '../signed-note';
import type { StoredCheckpoint } from './checkpoint-file';

export interface CheckpointFeedItem {
  treeSize: number;
  rootHash: string;
  time: string;
  reason: StoredCheckpoint['reason'];
  signer: string;
  note: string;
}

const REASON_JA: Record<StoredCheckpoint['reason'], string> = {
  upgrade: '最初のチェックポイント',
  interval: '定期',
  publication: '公表',
  correction: '訂正',
  rotation: '鍵の交替',
};

/** The feed's items, newest first; a witness keeps each `note` (it verifies with the signer's key alone). */
export function checkpointFeedItems(stored: readonly StoredCheckpoint[]): CheckpointFeedItem[] {
  return stored
    .flatMap((entry) => {
      const text = parseNote(entry.note)?.text;
      const checkpoint = text ? parseCheckpoint(text) : undefined;
      if (!checkpoint) return [];
      return [
        {
          treeSize: checkpoint.treeSize,
          rootHash: checkpoint.rootHash.toString('base64'),
          time: checkpoint.time ?? '',
          reason: entry.reason,
          signer: entry.signer,
          note: entry.note,
        },
      ];
    })
    .reverse();
}

/** The short form printed on a published report: enough to find and check the full checkpoint. */
export const checkpointShortForm = (origin: string, treeSize: number, rootHash: string): string =>
  `${origin} ${treeSize} ${rootHash}`;

/** JSON Feed 1.1, the same shape as the corrections feed; `_checkpoint` carries the machine-readable part. */
export function renderCheckpointJsonFeed(
  origin: string,
  feedUrl: string,
  items: readonly CheckpointFeedItem[],
): object {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: `透明性ログのチェックポイント / transparency log checkpoints — ${origin}`,
    feed_url: feedUrl,
    language: 'ja',
    items: items.map((item) => ({
      id: `${origin}/${item.treeSize}/${item.rootHash}`,
      title: `${item.treeSize} 件（${REASON_JA[item.reason]}）/ ${item.treeSize} events (${item.reason})`,
      date_published: item.time,
      content_text: item.note,
      note: item.note,
      _checkpoint: {
        treeSize: item.treeSize,
        rootHash: item.rootHash,
        time: item.time,
        reason: item.reason,
        signer: item.signer,
      },
    })),
  };
}

export function renderCheckpointAtom(origin: string, feedUrl: string, items: readonly CheckpointFeedItem[]): string {
  const updated = items[0]?.time || '1970-01-01T00:00:00.000Z';
  const entries = items.map((item) =>
    [
      '<entry>',
      `<id>urn:pdca-checkpoint:${xml(origin)}:${item.treeSize}:${xml(item.rootHash)}</id>`,
      `<title>${xml(`${item.treeSize} 件（${REASON_JA[item.reason]}）`)}</title>`,
      `<updated>${xml(item.time)}</updated>`,
      `<category term="${item.reason}"/>`,
      `<content type="text">${xml(item.note)}</content>`,
      '</entry>',
    ].join(''),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>\n',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ja">',
    `<id>${xml(feedUrl)}</id>`,
    `<title>${xml(`透明性ログのチェックポイント ${origin}`)}</title>`,
    `<updated>${xml(updated)}</updated>`,
    `<author><name>${xml(origin)}</name></author>`,
    `<link rel="self" type="application/atom+xml" href="${xml(feedUrl)}"/>`,
    ...entries,
    '</feed>\n',
  ].join('');
}

const xml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
