import { createHash, createHmac, createPublicKey, hash, KeyObject } from 'node:crypto';

/**
 * One order for the whole log, covered by a hash (issue 13). Every event's log entry is its
 * stream, revision, global position, id and type plus its data and metadata exactly as stored;
 * its link hash covers the previous event's link hash and that entry. With the log key (derived
 * from the transparency signing key, which lives outside the database) the link is an HMAC, so
 * write access to the database alone can neither rechain an altered log nor forge an event.
 */
export interface LogEntryFields {
  stream: string;
  revision: number;
  position: number;
  id: string;
  type: string;
  /** The data and metadata as stored (JSON text): one changed byte changes the entry. */
  data: string;
  metadata: string;
}

export interface LogKey {
  /** 8 hex digits naming the key in every link it made: `k<id>:<base64 HMAC>`. */
  id: string;
  secret: Buffer;
}

/** The link before the first event of a chain. */
export const LOG_GENESIS = '';

export function logEntry(f: LogEntryFields): string {
  return `${JSON.stringify([f.stream, f.revision, f.position, f.id, f.type])}\n${f.data}\n${f.metadata}`;
}

/**
 * The entry's RFC 9162 leaf hash, SHA-256(0x00 ‖ entry): the Merkle tree's leaf and what the link
 * covers, so a verifier hashes each entry once (one-shot hash: a million entries in about 2 s).
 */
export const logLeaf = (entry: string): Buffer => hash('sha256', `\0${entry}`, 'buffer');

/**
 * HMAC-SHA-256 (RFC 2104) from two one-shot hashes over reused buffers: the same bytes as
 * createHmac, without an Hmac object per link (a verifier makes a million of them).
 */
interface MacState {
  /** key ⊕ ipad, then room for the message. */
  inner: Buffer;
  /** key ⊕ opad, then the inner digest. */
  outer: Buffer;
}

const BLOCK = 64;
const macStates = new WeakMap<LogKey, MacState>();
const macStateOf = (key: LogKey): MacState => {
  let state = macStates.get(key);
  if (!state) {
    const padded = Buffer.alloc(BLOCK);
    (key.secret.length > BLOCK ? hash('sha256', key.secret, 'buffer') : key.secret).copy(padded);
    const inner = Buffer.alloc(BLOCK + 256);
    const outer = Buffer.alloc(BLOCK + 32);
    for (let i = 0; i < BLOCK; i++) {
      inner[i] = padded[i] ^ 0x36;
      outer[i] = padded[i] ^ 0x5c;
    }
    macStates.set(key, (state = { inner, outer }));
  }
  return state;
};

function hmacBase64(key: LogKey, header: string, leaf: Buffer): string {
  const state = macStateOf(key);
  const length = BLOCK + Buffer.byteLength(header) + leaf.length;
  if (length > state.inner.length) return createHmac('sha256', key.secret).update(header).update(leaf).digest('base64');
  const end = BLOCK + state.inner.write(header, BLOCK, 'utf8');
  leaf.copy(state.inner, end);
  hash('sha256', state.inner.subarray(0, length), 'buffer').copy(state.outer, BLOCK);
  return hash('sha256', state.outer, 'base64');
}

/**
 * `h:<sha256>` without a key (tamper-evident only with checkpoints), `k<id>:<hmac>` with one; over
 * the previous link and the entry's leaf (pass the leaf when it is already computed, else the entry).
 */
export function linkHash(key: LogKey | undefined, previous: string, entryOrLeaf: string | Buffer): string {
  const leaf = typeof entryOrLeaf === 'string' ? logLeaf(entryOrLeaf) : entryOrLeaf;
  const tag = key ? `k${key.id}` : 'h';
  const header = `${tag}\n${previous}\n`;
  const mac = key ? hmacBase64(key, header, leaf) : createHash('sha256').update(header).update(leaf).digest('base64');
  return `${tag}:${mac}`;
}

export const linkTag = (link: string): string => link.slice(0, link.indexOf(':'));

/**
 * The log key of a signing key: SHA-256 of a label and the private key. A new signing key (a
 * rotation) gives a new log key; links name the key that made them.
 */
export function logKeyFromSigningKey(privateKey: KeyObject): LogKey {
  const secret = createHash('sha256')
    .update('pdca transparency log link v1\n')
    .update(privateKey.export({ format: 'der', type: 'pkcs8' }))
    .digest();
  const publicPart = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  return { id: createHash('sha256').update(secret).update(publicPart).digest('hex').slice(0, 8), secret };
}
