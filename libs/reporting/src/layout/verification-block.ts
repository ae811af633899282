import { checkpointTime, SHORT_ROOT } from '../publication-verification';
import type { PublicationInfo } from '../publication-info';

export const VERIFICATION_HEADING = '検証用情報';

/**
 * report-template/5: what a verifier needs (the log position the report was computed from, its template,
 * where to check, the version's fingerprint, the signed checkpoint) in one short block worded for a
 * resident, instead of the rows 「データ時点（イベント位置）」「テンプレート版」「検証」 of the publication table.
 * The same block in HTML (a section), PDF and Excel (公表情報).
 */
export interface VerificationBlock {
  heading: string;
  /** What the report was made from and how to check it, in a sentence or two. */
  lead: string;
  /** [label, value]: where to check, the fingerprint, the checkpoint; none for a draft. */
  entries: Array<[string, string]>;
  /** The address, for the HTML link. */
  address?: string;
}

export function verificationBlock(publication: PublicationInfo): VerificationBlock {
  const madeFrom = `この報告書は、改ざんを検知できるよう連結して記録した区の評価記録（通し番号${publication.position}まで）から、様式 ${publication.templateVersion} で作成しました。`;
  const verification = publication.verification;
  if (!verification) {
    const draft = publication.status === 'draft' ? '下書きのため、指紋はまだありません。' : '';
    return { heading: VERIFICATION_HEADING, lead: `${madeFrom}${draft}`, entries: [] };
  }
  const entries: Array<[string, string]> = [
    ['確かめるページ', verification.address],
    ['この版の指紋', verification.fingerprint],
  ];
  const checkpoint = verification.checkpoint;
  if (checkpoint) {
    const signed = checkpointTime(checkpoint.time, publication.templateVersion);
    entries.push([
      '署名済みの控え',
      `${signed}に署名した記録の控え（チェックポイント：${checkpoint.treeSize}件、根 ${checkpoint.rootHash.slice(0, SHORT_ROOT)}…、鍵 ${checkpoint.keyId}）に、この報告書のもとになった記録が含まれています。`,
    ]);
  }
  return {
    heading: VERIFICATION_HEADING,
    lead: `${madeFrom}確かめるページに載っているこの版の指紋が下の指紋と同じなら、公表後に書き換えられていません。`,
    entries,
    address: verification.address,
  };
}
