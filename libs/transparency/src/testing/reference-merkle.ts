import { EMPTY_ROOT, Hash, nodeHash, splitPoint } from '../hashing';

/** RFC 9162 §2.1.1–2.1.4 written as the RFC states them, recursion and all: slow, obviously right. */
export function referenceRoot(leaves: readonly Hash[]): Hash {
  if (leaves.length === 0) return EMPTY_ROOT;
  if (leaves.length === 1) return leaves[0];
  const k = splitPoint(leaves.length);
  return nodeHash(referenceRoot(leaves.slice(0, k)), referenceRoot(leaves.slice(k)));
}

export function referencePath(m: number, leaves: readonly Hash[]): Hash[] {
  if (leaves.length <= 1) return [];
  const k = splitPoint(leaves.length);
  return m < k
    ? [...referencePath(m, leaves.slice(0, k)), referenceRoot(leaves.slice(k))]
    : [...referencePath(m - k, leaves.slice(k)), referenceRoot(leaves.slice(0, k))];
}

export function referenceProof(m: number, leaves: readonly Hash[]): Hash[] {
  return m === 0 ? [] : referenceSubproof(m, leaves, true);
}

function referenceSubproof(m: number, leaves: readonly Hash[], b: boolean): Hash[] {
  if (m === leaves.length) return b ? [] : [referenceRoot(leaves)];
  const k = splitPoint(leaves.length);
  return m <= k
    ? [...referenceSubproof(m, leaves.slice(0, k), b), referenceRoot(leaves.slice(k))]
    : [...referenceSubproof(m - k, leaves.slice(k), false), referenceRoot(leaves.slice(0, k))];
}
