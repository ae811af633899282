import { HashList } from './hash-list';
import { EMPTY_ROOT, Hash, nodeHash, splitPoint } from './hashing';

/**
 * An append-only RFC 9162 Merkle tree over leaf hashes, in memory. Every complete, aligned
 * subtree of 2^k leaves is kept once it is full, so the root of any size and every proof cost
 * O(log n) hashes instead of rehashing the log (packed, 32 bytes a hash: a million events take ~64 MB).
 */
export class MerkleTree {
  /** levels[k][i]: hash of the perfect subtree over leaves [i·2^k, (i+1)·2^k). */
  private readonly levels: HashList[] = [new HashList()];

  get size(): number {
    return this.levels[0].length;
  }

  append(leaf: Hash): void {
    this.levels[0].push(leaf);
    for (let level = 0; this.levels[level].length % 2 === 0; level++) {
      const nodes = this.levels[level];
      if (!this.levels[level + 1]) this.levels.push(new HashList());
      this.levels[level + 1].push(nodeHash(nodes.view(nodes.length - 2), nodes.view(nodes.length - 1)));
    }
  }

  leaf(index: number): Hash {
    this.checkSize(index + 1);
    return this.levels[0].at(index);
  }

  /** MTH(D[0:treeSize]). */
  root(treeSize: number = this.size): Hash {
    this.checkSize(treeSize);
    return treeSize === 0 ? EMPTY_ROOT : this.rangeHash(0, treeSize);
  }

  /** PATH(index, D[0:treeSize]) of RFC 9162 §2.1.3.1. */
  inclusionProof(index: number, treeSize: number): Hash[] {
    this.checkSize(treeSize);
    if (!Number.isInteger(index) || index < 0 || index >= treeSize)
      throw new RangeError(`leaf ${index} is not in a tree of ${treeSize}`);
    return this.path(index, 0, treeSize);
  }

  /** PROOF(from, D[0:to]) of RFC 9162 §2.1.4.1; empty when from is 0 or equals to. */
  consistencyProof(from: number, to: number): Hash[] {
    this.checkSize(to);
    if (!Number.isInteger(from) || from < 0 || from > to)
      throw new RangeError(`a tree of ${from} cannot be a prefix of a tree of ${to}`);
    return from === 0 ? [] : this.subproof(from, 0, to, true);
  }

  private rangeHash(start: number, end: number): Hash {
    const size = end - start;
    const level = Math.log2(size);
    if (Number.isInteger(level) && start % size === 0) return this.levels[level].at(start / size);
    const k = splitPoint(size);
    return nodeHash(this.rangeHash(start, start + k), this.rangeHash(start + k, end));
  }

  private path(index: number, start: number, end: number): Hash[] {
    if (end - start === 1) return [];
    const middle = start + splitPoint(end - start);
    return index < middle
      ? [...this.path(index, start, middle), this.rangeHash(middle, end)]
      : [...this.path(index, middle, end), this.rangeHash(start, middle)];
  }

  /** SUBPROOF(m, D[start:end], b), with m counted from start. */
  private subproof(m: number, start: number, end: number, wholeOldTree: boolean): Hash[] {
    const n = end - start;
    if (m === n) return wholeOldTree ? [] : [this.rangeHash(start, end)];
    const k = splitPoint(n);
    return m <= k
      ? [...this.subproof(m, start, start + k, wholeOldTree), this.rangeHash(start + k, end)]
      : [...this.subproof(m - k, start + k, end, false), this.rangeHash(start, start + k)];
  }

  private checkSize(treeSize: number): void {
    if (!Number.isInteger(treeSize) || treeSize < 0 || treeSize > this.size)
      throw new RangeError(`no tree of ${treeSize} leaves (the log has ${this.size})`);
  }
}
