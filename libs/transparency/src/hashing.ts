import { createHash, hash } from 'node:crypto';

/** RFC 6962 §2.1 domain separation: a leaf can never be mistaken for an inner node. */
const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

export type Hash = Buffer;

export const HASH_SIZE = 32;

export const sha256 = (...parts: Uint8Array[]): Hash => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
};

/** MTH({}) = SHA-256(): the root of the empty log. */
export const EMPTY_ROOT: Hash = sha256();

export const leafHash = (entry: Uint8Array): Hash => sha256(LEAF_PREFIX, entry);

/** One-shot over one buffer: a tree over a million leaves makes a million of these. */
export const nodeHash = (left: Hash, right: Hash): Hash =>
  hash('sha256', Buffer.concat([NODE_PREFIX, left, right], 65), 'buffer');

/** The largest power of two strictly smaller than n (n > 1): RFC 6962's split point k. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}
