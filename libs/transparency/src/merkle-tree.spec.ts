import fc from 'fast-check';
import { EMPTY_ROOT, Hash, leafHash } from './hashing';
import { MerkleTree } from './merkle-tree';
import { verifyConsistency, verifyInclusion } from './proof-verification';
import { referencePath, referenceProof, referenceRoot } from './testing/reference-merkle';

const leavesOf = (count: number): Hash[] =>
  Array.from({ length: count }, (_, i) => leafHash(Buffer.from(`entry ${i}`)));
const treeOf = (leaves: Hash[]) => {
  const tree = new MerkleTree();
  leaves.forEach((leaf) => tree.append(leaf));
  return tree;
};
const hex = (hashes: Hash[]) => hashes.map((h) => h.toString('hex'));

// The eight leaves of the Certificate Transparency test data and the roots of their prefixes.
const CT_LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'];
const CT_ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

describe('Merkle tree (RFC 9162 §2.1)', () => {
  it('the empty log has the hash of the empty string as its root', () => {
    expect(new MerkleTree().root().toString('hex')).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(new MerkleTree().root()).toEqual(EMPTY_ROOT);
  });

  it('gives the roots of the Certificate Transparency test vectors for every prefix', () => {
    const tree = treeOf(CT_LEAVES.map((h) => leafHash(Buffer.from(h, 'hex'))));
    expect(CT_ROOTS.map((_, i) => tree.root(i + 1).toString('hex'))).toEqual(CT_ROOTS);
  });

  it('separates leaves from nodes: a leaf that spells two hashes is not their parent', () => {
    const [a, b] = leavesOf(2);
    const forged = leafHash(Buffer.concat([a, b]));
    expect(
      treeOf([forged])
        .root()
        .equals(treeOf([a, b]).root()),
    ).toBe(false);
  });

  it('the inclusion proof of RFC 9162 §2.1.5’s leaf d0 in the 7-leaf tree is [b, h, l]', () => {
    const leaves = leavesOf(7);
    const tree = treeOf(leaves);
    const [a, b] = leaves;
    expect(hex(tree.inclusionProof(0, 7))).toEqual(
      hex([b, referenceRoot(leaves.slice(2, 4)), referenceRoot(leaves.slice(4, 7))]),
    );
    expect(a).toBeDefined();
  });

  it('the consistency proof from 3 to 7 leaves is [c, d, g, l] (RFC 9162 §2.1.5)', () => {
    const leaves = leavesOf(7);
    const expected = [leaves[2], leaves[3], referenceRoot(leaves.slice(0, 2)), referenceRoot(leaves.slice(4, 7))];
    expect(hex(treeOf(leaves).consistencyProof(3, 7))).toEqual(hex(expected));
    expect(hex(treeOf(leaves).consistencyProof(4, 7))).toEqual(hex([referenceRoot(leaves.slice(4, 7))]));
    expect(treeOf(leaves).consistencyProof(7, 7)).toEqual([]);
  });

  it('keeps roots and proofs right past the packed storage’s first chunk (32,768 hashes)', () => {
    const leaves = leavesOf(40_000);
    const tree = treeOf(leaves);
    expect(tree.root().equals(referenceRoot(leaves))).toBe(true);
    for (const index of [32_767, 32_768, 39_999]) {
      expect(verifyInclusion(index, 40_000, leaves[index], tree.inclusionProof(index, 40_000), tree.root())).toBe(true);
    }
    expect(
      verifyConsistency(32_769, 40_000, tree.consistencyProof(32_769, 40_000), tree.root(32_769), tree.root()),
    ).toBe(true);
  });

  it('refuses sizes and indexes outside the log', () => {
    const tree = treeOf(leavesOf(3));
    expect(() => tree.root(4)).toThrow(RangeError);
    expect(() => tree.inclusionProof(3, 3)).toThrow(RangeError);
    expect(() => tree.consistencyProof(4, 3)).toThrow(RangeError);
  });

  describe('against the RFC’s definitions written naively (fast-check)', () => {
    const sizes = fc.integer({ min: 1, max: 70 });

    it('every root equals MTH of the prefix', () => {
      fc.assert(
        fc.property(sizes, (n) => {
          const leaves = leavesOf(n);
          const tree = treeOf(leaves);
          for (let size = 0; size <= n; size++)
            expect(tree.root(size).equals(referenceRoot(leaves.slice(0, size)))).toBe(true);
        }),
        { numRuns: 40 },
      );
    });

    it('inclusion proofs equal PATH and verify; any other leaf, index, size or hash fails', () => {
      fc.assert(
        fc.property(
          sizes.chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 0, max: n - 1 }))),
          ([n, index]) => {
            const leaves = leavesOf(n);
            const tree = treeOf(leaves);
            const proof = tree.inclusionProof(index, n);
            const root = tree.root(n);
            expect(hex(proof)).toEqual(hex(referencePath(index, leaves)));
            expect(verifyInclusion(index, n, leaves[index], proof, root)).toBe(true);
            expect(verifyInclusion(index, n, leafHash(Buffer.from('forged')), proof, root)).toBe(false);
            if (n > 1) expect(verifyInclusion((index + 1) % n, n, leaves[index], proof, root)).toBe(false);
            expect(verifyInclusion(index, n, leaves[index], [...proof, root], root)).toBe(false);
            proof.forEach((_, i) => {
              const flipped = proof.map((h, j) => (j === i ? flipBit(h) : h));
              expect(verifyInclusion(index, n, leaves[index], flipped, root)).toBe(false);
            });
          },
        ),
        { numRuns: 150 },
      );
    });

    it('consistency proofs equal PROOF and verify; a changed old log or a wrong proof fails', () => {
      fc.assert(
        fc.property(
          sizes.chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
          ([m, n]) => {
            const leaves = leavesOf(n);
            const tree = treeOf(leaves);
            const proof = tree.consistencyProof(m, n);
            const [oldRoot, newRoot] = [tree.root(m), tree.root(n)];
            expect(hex(proof)).toEqual(hex(referenceProof(m, leaves)));
            expect(verifyConsistency(m, n, proof, oldRoot, newRoot)).toBe(true);
            if (m === 0) return;
            const rewritten = treeOf(
              leaves.map((leaf, i) => (i === m - 1 ? leafHash(Buffer.from('rewritten')) : leaf)),
            );
            expect(verifyConsistency(m, n, proof, rewritten.root(m), newRoot)).toBe(false);
            expect(verifyConsistency(m, n, rewritten.consistencyProof(m, n), oldRoot, rewritten.root(n))).toBe(false);
            proof.forEach((_, i) => {
              const flipped = proof.map((h, j) => (j === i ? flipBit(h) : h));
              expect(verifyConsistency(m, n, flipped, oldRoot, newRoot)).toBe(false);
            });
            if (m < n) expect(verifyConsistency(m, n, proof.slice(1), oldRoot, newRoot)).toBe(false);
          },
        ),
        { numRuns: 150 },
      );
    });

    it('growing the log one leaf at a time keeps every earlier root consistent with every later one', () => {
      fc.assert(
        fc.property(fc.array(fc.uint8Array({ maxLength: 8 }), { minLength: 1, maxLength: 40 }), (entries) => {
          const tree = new MerkleTree();
          const roots: Hash[] = [tree.root()];
          for (const entry of entries) {
            tree.append(leafHash(entry));
            roots.push(tree.root());
          }
          for (let m = 0; m <= entries.length; m += 3) {
            expect(
              verifyConsistency(
                m,
                entries.length,
                tree.consistencyProof(m, entries.length),
                roots[m],
                roots[entries.length],
              ),
            ).toBe(true);
          }
        }),
        { numRuns: 50 },
      );
    });
  });
});

function flipBit(hash: Hash): Hash {
  const copy = Buffer.from(hash);
  copy[0] ^= 1;
  return copy;
}
