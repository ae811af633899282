import { publishedDateLabel, shortHash, sortedChainHeads, statusLabel, versionLabel } from '../format';
import { LABELS } from '../labels';
import type { PublicationInfo } from '../publication-info';
import { verificationLine } from '../publication-verification';
import { usesVerificationBlock } from '../template-version';
import type { Table } from './table';

/**
 * 公表情報: what a reader needs to cite the report and to check it against the audit trail. From
 * report-template/5 the data position, template and verification line leave the table for the block
 * worded for a resident beside it (layout/verification-block).
 */
export function publicationTable(publication: PublicationInfo): Table {
  const block = usesVerificationBlock(publication.templateVersion);
  const rows: Array<[string, string | number]> = [
    ['版', versionLabel(publication.version)],
    ['状態', statusLabel(publication)],
    ['公表日', publishedDateLabel(publication)],
  ];
  if (!block)
    rows.push(['データ時点（イベント位置）', publication.position], ['テンプレート版', publication.templateVersion]);
  if (publication.reason) rows.push(['訂正の理由', publication.reason]);
  if (publication.verification && !block)
    rows.push(['検証', verificationLine(publication.verification, publication.templateVersion)]);
  return {
    id: 'publication',
    caption: block ? '版・公表日' : '版・公表日・データ時点',
    columns: [
      { header: '項目', width: 28 },
      { header: '内容', width: 60 },
    ],
    rows: rows.map(([label, value]) => ({ kind: 'body', cells: [label, value] })),
  };
}

/** Stream → revision → hash. `full` prints whole hashes; otherwise the first 16 hex digits. */
export function chainHeadsTable(
  publication: PublicationInfo,
  options: { full: boolean; limit?: number; id: string },
): Table {
  const heads = sortedChainHeads(publication).slice(0, options.limit);
  return {
    id: options.id,
    caption: options.full ? `${LABELS.chainHeading}（全${heads.length}件）` : LABELS.chainHeading,
    columns: [
      { header: 'ストリーム', width: 44 },
      { header: 'リビジョン', width: 10, numeric: true },
      { header: options.full ? 'ハッシュ（SHA-256）' : 'ハッシュ（先頭16桁）', width: options.full ? 66 : 20 },
    ],
    rows: heads.map((head) => ({
      kind: 'body',
      cells: [head.stream, head.revision, options.full ? head.hash : shortHash(head.hash)],
    })),
  };
}
