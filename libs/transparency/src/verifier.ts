import { Checkpoint, parseCheckpoint } from './checkpoint';
import { ConsistencyProof, InclusionProof } from './proof-json';
import { verifyConsistency, verifyInclusion } from './proof-verification';
import { NoteVerifierKey, parseNote, verifySignature } from './signed-note';

/**
 * The standalone verifier: public keys, signed checkpoints and proofs in, a verdict out. It needs
 * nothing from the service (no database, no network), so an auditor, a witness or a resident can
 * run it on what they kept.
 */
export type TransparencyProblemCode =
  | 'MALFORMED_NOTE'
  | 'MALFORMED_CHECKPOINT'
  | 'WRONG_ORIGIN'
  | 'NO_KNOWN_SIGNATURE'
  | 'BAD_SIGNATURE'
  | 'INCLUSION_PROOF_FOR_OTHER_TREE'
  | 'NOT_INCLUDED'
  | 'CONSISTENCY_PROOF_FOR_OTHER_TREES'
  | 'LOG_SHRANK'
  | 'ROOT_CHANGED_AT_SAME_SIZE'
  | 'NOT_A_PREFIX';

export interface TransparencyProblem {
  code: TransparencyProblemCode;
  message: { ja: string; en: string };
}

export type CheckpointVerdict =
  { valid: true; checkpoint: Checkpoint } | { valid: false; problem: TransparencyProblem };

export interface VerificationRequest {
  keys: readonly NoteVerifierKey[];
  /** The signed checkpoint (a C2SP signed note). */
  checkpoint: string;
  /** When given, the checkpoint must name this log. */
  origin?: string;
  /** This leaf is in the checkpoint's tree. */
  inclusion?: InclusionProof;
  /** An older signed checkpoint, and the proof that its tree is a prefix of this one's. */
  consistency?: { older: string; proof: ConsistencyProof };
}

export function verifyTransparency(request: VerificationRequest): CheckpointVerdict {
  const verdict = verifySignedCheckpoint(request.checkpoint, request.keys, request.origin);
  if (!verdict.valid) return verdict;
  const problem =
    (request.inclusion && inclusionProblem(verdict.checkpoint, request.inclusion)) ??
    (request.consistency && consistencyProblem(request, verdict.checkpoint));
  return problem ? { valid: false, problem } : verdict;
}

/** Valid when at least one signature is by a known key and every signature by a known key verifies. */
export function verifySignedCheckpoint(
  note: string,
  keys: readonly NoteVerifierKey[],
  origin?: string,
): CheckpointVerdict {
  const parsed = parseNote(note);
  if (!parsed)
    return fail(
      'MALFORMED_NOTE',
      '署名付きノートの形式ではありません。',
      'not a signed note (text, blank line, signature lines)',
    );
  const checkpoint = parseCheckpoint(parsed.text);
  if (!checkpoint)
    return fail(
      'MALFORMED_CHECKPOINT',
      'チェックポイントの本文（起点・木の大きさ・根ハッシュ）が読めません。',
      'the note is not a checkpoint (origin, tree size, base64 root hash)',
    );
  if (origin !== undefined && checkpoint.origin !== origin) {
    return fail(
      'WRONG_ORIGIN',
      `別のログのチェックポイントです（${checkpoint.origin}）。`,
      `the checkpoint is for another log (${checkpoint.origin}, expected ${origin})`,
    );
  }
  let known = 0;
  for (const signature of parsed.signatures) {
    const key = keys.find((k) => k.name === signature.name && k.keyId === signature.keyId);
    if (!key) continue;
    if (!verifySignature(parsed.text, signature, key)) {
      return fail(
        'BAD_SIGNATURE',
        `鍵 ${key.name} の署名が本文と一致しません（改ざんまたは別の鍵）。`,
        `the signature by ${key.name} does not match the text (altered, or another key)`,
      );
    }
    known++;
  }
  if (known === 0)
    return fail('NO_KNOWN_SIGNATURE', '既知の公開鍵による署名がありません。', 'no signature by a known public key');
  return { valid: true, checkpoint };
}

function inclusionProblem(checkpoint: Checkpoint, proof: InclusionProof): TransparencyProblem | undefined {
  if (proof.treeSize !== checkpoint.treeSize) {
    return problem(
      'INCLUSION_PROOF_FOR_OTHER_TREE',
      `包含証明は大きさ ${proof.treeSize} の木のもので、チェックポイントは ${checkpoint.treeSize} です。`,
      `the inclusion proof is for a tree of ${proof.treeSize}, the checkpoint's has ${checkpoint.treeSize}`,
    );
  }
  if (!verifyInclusion(proof.leafIndex, proof.treeSize, proof.leafHash, proof.hashes, checkpoint.rootHash)) {
    return problem(
      'NOT_INCLUDED',
      `葉 ${proof.leafIndex} はこのチェックポイントのログに含まれません（内容が違うか証明が不正）。`,
      `leaf ${proof.leafIndex} is not in the log of this checkpoint (its content differs or the proof is wrong)`,
    );
  }
  return undefined;
}

function consistencyProblem(request: VerificationRequest, newer: Checkpoint): TransparencyProblem | undefined {
  const olderVerdict = verifySignedCheckpoint(request.consistency!.older, request.keys, request.origin ?? newer.origin);
  if (!olderVerdict.valid)
    return {
      ...olderVerdict.problem,
      message: {
        ja: `古いチェックポイント: ${olderVerdict.problem.message.ja}`,
        en: `older checkpoint: ${olderVerdict.problem.message.en}`,
      },
    };
  const older = olderVerdict.checkpoint;
  const proof = request.consistency!.proof;
  if (older.treeSize > newer.treeSize) {
    return problem(
      'LOG_SHRANK',
      `ログが ${older.treeSize} 件から ${newer.treeSize} 件に減っています（末尾の削除）。`,
      `the log shrank from ${older.treeSize} to ${newer.treeSize} entries (its tail was removed)`,
    );
  }
  if (older.treeSize === newer.treeSize && !older.rootHash.equals(newer.rootHash)) {
    return problem(
      'ROOT_CHANGED_AT_SAME_SIZE',
      `同じ大きさ ${older.treeSize} のまま根ハッシュが変わっています（記録の書換え）。`,
      `the root changed at the same size ${older.treeSize} (entries were rewritten)`,
    );
  }
  if (proof.fromSize !== older.treeSize || proof.toSize !== newer.treeSize) {
    return problem(
      'CONSISTENCY_PROOF_FOR_OTHER_TREES',
      `整合性証明は ${proof.fromSize}→${proof.toSize} のもので、チェックポイントは ${older.treeSize}→${newer.treeSize} です。`,
      `the consistency proof is for ${proof.fromSize}→${proof.toSize}, the checkpoints are ${older.treeSize}→${newer.treeSize}`,
    );
  }
  if (!verifyConsistency(older.treeSize, newer.treeSize, proof.hashes, older.rootHash, newer.rootHash)) {
    return problem(
      'NOT_A_PREFIX',
      `大きさ ${older.treeSize} の古いログは新しいログの先頭部分ではありません（過去の記録の変更・削除・挿入・並べ替え）。`,
      `the older log of ${older.treeSize} entries is not a prefix of the newer one (past entries were changed, removed, inserted or reordered)`,
    );
  }
  return undefined;
}

const problem = (code: TransparencyProblemCode, ja: string, en: string): TransparencyProblem => ({
  code,
  message: { ja, en },
});
const fail = (code: TransparencyProblemCode, ja: string, en: string): CheckpointVerdict => ({
  valid: false,
  problem: problem(code, ja, en),
});
