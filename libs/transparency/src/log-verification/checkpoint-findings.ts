import type { MerkleTree } from '../merkle-tree';
import { NoteVerifierKey } from '../signed-note';
import { verifySignedCheckpoint } from '../verifier';
import { Finding, finding } from './findings';

export interface KeptCheckpoint {
  note: string;
  /** Where it came from: the service's checkpoint file, or a witness's copy. */
  source: string;
}

/**
 * Each kept checkpoint must be signed by a trusted key and be the root of the log's first
 * `treeSize` entries now. A change anywhere before it makes the root differ (not a prefix); a
 * shorter log is truncated. Between the last checkpoint that still matches and the first that
 * does not lies the change: the finding names that range.
 */
export function checkpointFindings(
  tree: MerkleTree,
  kept: readonly KeptCheckpoint[],
  keys: readonly NoteVerifierKey[],
  origin?: string,
): { findings: Finding[]; checked: number } {
  const findings: Finding[] = [];
  const valid: Array<{ treeSize: number; time?: string; source: string; matches: boolean }> = [];
  for (const { note, source } of kept) {
    const verdict = verifySignedCheckpoint(note, keys, origin);
    if (!verdict.valid) {
      const size = Number(note.split('\n')[1]);
      findings.push(
        finding(
          'checkpoint-not-signed',
          { checkpoint: { treeSize: Number.isSafeInteger(size) ? size : -1, source } },
          `チェックポイントの署名が信頼する鍵で確認できません: ${verdict.problem.message.ja}`,
          `the checkpoint does not verify with a trusted key: ${verdict.problem.message.en} (${verdict.problem.code})`,
        ),
      );
      continue;
    }
    const { treeSize, rootHash, time } = verdict.checkpoint;
    const at = { checkpoint: { treeSize, time, source } };
    if (treeSize > tree.size) {
      findings.push(
        finding(
          'truncated',
          at,
          `ログは ${tree.size} 件ですが、${time ?? ''} のチェックポイントでは ${treeSize} 件ありました（末尾 ${treeSize - tree.size} 件の削除）。`,
          `the log holds ${tree.size} events, but the checkpoint of ${time ?? 'an earlier time'} signed ${treeSize} (${treeSize - tree.size} removed from the end)`,
        ),
      );
      continue;
    }
    valid.push({ treeSize, time, source, matches: tree.root(treeSize).equals(rootHash) });
  }
  for (const bad of valid.filter((c) => !c.matches)) {
    const goodBelow = Math.max(
      0,
      ...valid.filter((c) => c.matches && c.treeSize < bad.treeSize).map((c) => c.treeSize),
    );
    findings.push(
      finding(
        'not-a-prefix',
        { checkpoint: { treeSize: bad.treeSize, time: bad.time, source: bad.source } },
        `現在のログの先頭 ${bad.treeSize} 件は ${bad.time ?? ''} に署名されたログと一致しません（${goodBelow + 1}〜${bad.treeSize} 件目の間で変更・削除・挿入・並べ替え）。`,
        `the log's first ${bad.treeSize} events are not the log signed at ${bad.time ?? 'that checkpoint'}: something among entries ${goodBelow + 1}–${bad.treeSize} was changed, removed, inserted or reordered`,
      ),
    );
  }
  return { findings, checked: kept.length };
}
