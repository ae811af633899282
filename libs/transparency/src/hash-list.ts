import { HASH_SIZE, Hash } from './hashing';

const HASHES_PER_CHUNK = 1 << 15; // 1 MiB chunks

/**
 * An append-only list of 32-byte hashes packed into large chunks: a Buffer per hash costs ~200
 * bytes of heap, a packed one 32 (a million events: ~64 MB for the whole tree instead of ~450 MB).
 */
export class HashList {
  private readonly chunks: Buffer[] = [];
  private count = 0;

  get length(): number {
    return this.count;
  }

  push(hash: Hash): void {
    const offset = this.count % HASHES_PER_CHUNK;
    if (offset === 0) this.chunks.push(Buffer.allocUnsafe(HASHES_PER_CHUNK * HASH_SIZE));
    hash.copy(this.chunks[this.chunks.length - 1], offset * HASH_SIZE, 0, HASH_SIZE);
    this.count++;
  }

  /** A view into the packed chunk, for the tree's own hashing (no copy). */
  view(index: number): Hash {
    const chunk = this.chunks[Math.floor(index / HASHES_PER_CHUNK)];
    const start = (index % HASHES_PER_CHUNK) * HASH_SIZE;
    return chunk.subarray(start, start + HASH_SIZE);
  }

  /** A copy, so a caller can never write into the tree. */
  at(index: number): Hash {
    if (!Number.isInteger(index) || index < 0 || index >= this.count)
      throw new RangeError(`no hash ${index} (${this.count} held)`);
    const chunk = this.chunks[Math.floor(index / HASHES_PER_CHUNK)];
    const start = (index % HASHES_PER_CHUNK) * HASH_SIZE;
    return Buffer.from(chunk.subarray(start, start + HASH_SIZE));
  }
}
