import { createHash, createHmac, createPublicKey, createSecretKey, hash, KeyObject } from 'node:crypto';

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

const macKeys = new WeakMap<LogKey, KeyObject>();
const macKeyOf = (key: LogKey): KeyObject => {
  let object = macKeys.get(key);
  if (!object) macKeys.set(key, (object = createSecretKey(key.secret)));
  return object;
};

/**
 * `h:<sha256>` without a key (tamper-evident only with checkpoints), `k<id>:<hmac>` with one; over
 * the previous link and the entry's leaf (pass the leaf when it is already computed, else the entry).
 */
export function linkHash(key: LogKey | undefined, previous: string, entryOrLeaf: string | Buffer): string {
  const leaf = typeof entryOrLeaf === 'string' ? logLeaf(entryOrLeaf) : entryOrLeaf;
  const tag = key ? `k${key.id}` : 'h';
  const mac = key ? createHmac('sha256', macKeyOf(key)) : createHash('sha256');
  return `${tag}:${mac.update(`${tag}\n${previous}\n`).update(leaf).digest('base64')}`;
}

export const linkTag = (link: string): string => link.slice(0, link.indexOf(':'));

/**
 * The log key of a signing key: SHA-256 of a label and the private key. A new signing key (a
 * rotation) gives a new log key; links name the key that made them.
 */
export function logKeyFromSigningKey(privateKey: KeyObject): LogKey {
  const secret = createHash('sha256').update('pdca transparency log link v1\n').update(privateKey.export({ format: 'der', type: 'pkcs8' })).digest();
  const publicPart = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  return { id: createHash('sha256').update(secret).update(publicPart).digest('hex').slice(0, 8), secret };
}
