import { Hash, nodeHash } from './hashing';

/**
 * The verification algorithms of RFC 9162 §2.1.3.2 and §2.1.4.2, step by step. They share no
 * code with the tree that makes the proofs, so a bug in one is caught by the other.
 */
export function rootFromInclusionProof(
  leafIndex: number,
  treeSize: number,
  leaf: Hash,
  proof: readonly Hash[],
): Hash | undefined {
  if (!isSize(treeSize) || !isSize(leafIndex) || leafIndex >= treeSize) return undefined;
  let fn = BigInt(leafIndex);
  let sn = BigInt(treeSize - 1);
  let r = leaf;
  for (const p of proof) {
    if (sn === 0n) return undefined;
    if ((fn & 1n) === 1n || fn === sn) {
      r = nodeHash(p, r);
      while ((fn & 1n) === 0n && fn !== 0n) {
        fn >>= 1n;
        sn >>= 1n;
      }
    } else {
      r = nodeHash(r, p);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return sn === 0n ? r : undefined;
}

export function verifyInclusion(
  leafIndex: number,
  treeSize: number,
  leaf: Hash,
  proof: readonly Hash[],
  root: Hash,
): boolean {
  const computed = rootFromInclusionProof(leafIndex, treeSize, leaf, proof);
  return computed !== undefined && computed.equals(root);
}

/** True when the tree of size `first` with root `firstRoot` is a prefix of the tree of size `second`. */
export function verifyConsistency(
  first: number,
  second: number,
  proof: readonly Hash[],
  firstRoot: Hash,
  secondRoot: Hash,
): boolean {
  if (!isSize(first) || !isSize(second) || first > second) return false;
  // Edge cases the RFC leaves to the caller: the empty tree is a prefix of every tree, and a tree is
  // consistent with itself only when the roots are equal; both have an empty proof.
  if (first === 0) return proof.length === 0;
  if (first === second) return proof.length === 0 && firstRoot.equals(secondRoot);
  if (proof.length === 0) return false;
  const path = isPowerOfTwo(first) ? [firstRoot, ...proof] : [...proof];
  let fn = BigInt(first - 1);
  let sn = BigInt(second - 1);
  while ((fn & 1n) === 1n) {
    fn >>= 1n;
    sn >>= 1n;
  }
  let fr = path[0];
  let sr = path[0];
  for (const c of path.slice(1)) {
    if (sn === 0n) return false;
    if ((fn & 1n) === 1n || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while ((fn & 1n) === 0n && fn !== 0n) {
        fn >>= 1n;
        sn >>= 1n;
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn >>= 1n;
    sn >>= 1n;
  }
  return fr.equals(firstRoot) && sr.equals(secondRoot) && sn === 0n;
}

const isSize = (n: number) => Number.isSafeInteger(n) && n >= 0;
const isPowerOfTwo = (n: number) => n > 0 && (BigInt(n) & (BigInt(n) - 1n)) === 0n;
