import { HASH_SIZE, Hash } from './hashing';
import { isBase64 } from './signed-note';

/** Proofs as the public endpoints serve them and the verifier reads them: hashes in standard base64. */
export interface InclusionProof {
  leafIndex: number;
  treeSize: number;
  /** The leaf's hash as the log holds it; a verifier that holds the event compares its own. */
  leafHash: Hash;
  hashes: Hash[];
}

export interface ConsistencyProof {
  fromSize: number;
  toSize: number;
  hashes: Hash[];
}

export interface InclusionProofJson {
  leafIndex: number;
  treeSize: number;
  leafHash: string;
  hashes: string[];
}

export interface ConsistencyProofJson {
  fromSize: number;
  toSize: number;
  hashes: string[];
}

export const inclusionProofToJson = (proof: InclusionProof): InclusionProofJson => ({
  leafIndex: proof.leafIndex,
  treeSize: proof.treeSize,
  leafHash: proof.leafHash.toString('base64'),
  hashes: proof.hashes.map((h) => h.toString('base64')),
});

export const consistencyProofToJson = (proof: ConsistencyProof): ConsistencyProofJson => ({
  fromSize: proof.fromSize,
  toSize: proof.toSize,
  hashes: proof.hashes.map((h) => h.toString('base64')),
});

export function inclusionProofFromJson(value: unknown): InclusionProof | undefined {
  const v = value as Partial<InclusionProofJson> | null;
  if (!v || typeof v !== 'object' || !isSize(v.leafIndex) || !isSize(v.treeSize)) return undefined;
  const leafHash = hashFrom(v.leafHash);
  const hashes = hashesFrom(v.hashes);
  return leafHash && hashes ? { leafIndex: v.leafIndex, treeSize: v.treeSize, leafHash, hashes } : undefined;
}

export function consistencyProofFromJson(value: unknown): ConsistencyProof | undefined {
  const v = value as Partial<ConsistencyProofJson> | null;
  if (!v || typeof v !== 'object' || !isSize(v.fromSize) || !isSize(v.toSize)) return undefined;
  const hashes = hashesFrom(v.hashes);
  return hashes ? { fromSize: v.fromSize, toSize: v.toSize, hashes } : undefined;
}

const isSize = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

function hashFrom(text: unknown): Hash | undefined {
  if (typeof text !== 'string' || !isBase64(text)) return undefined;
  const hash = Buffer.from(text, 'base64');
  return hash.length === HASH_SIZE ? hash : undefined;
}

function hashesFrom(list: unknown): Hash[] | undefined {
  if (!Array.isArray(list) || list.length > 128) return undefined;
  const hashes = list.map(hashFrom);
  return hashes.every((h): h is Hash => h !== undefined) ? hashes : undefined;
}
