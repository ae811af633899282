import { createHash, createPublicKey, KeyObject, sign, verify } from 'node:crypto';

/**
 * C2SP signed notes (https://c2sp.org/signed-note) with Ed25519: a text ending in a newline, a
 * blank line, then one line per signature `— <key name> <base64(key ID || signature)>`. The key ID
 * is the first 4 bytes of SHA-256(name || "\n" || 0x01 || public key), so a renamed or swapped
 * key never matches an old signature line.
 */
const ED25519_TYPE = 0x01;
const SIGNATURE_PREFIX = '\u2014 ';

export interface NoteSigner {
  name: string;
  keyId: number;
  sign(message: Buffer): Buffer;
}

export interface NoteVerifierKey {
  name: string;
  keyId: number;
  publicKey: KeyObject;
}

export interface NoteSignature {
  name: string;
  keyId: number;
  signature: Buffer;
}

export interface ParsedNote {
  text: string;
  signatures: NoteSignature[];
}

export function isValidKeyName(name: string): boolean {
  return name.length > 0 && !/[\s+]/u.test(name) && /^[\x21-\x7e\u0080-\u{10ffff}]+$/u.test(name);
}

export function rawEd25519PublicKey(publicKey: KeyObject): Buffer {
  if (publicKey.asymmetricKeyType !== 'ed25519') throw new TypeError('an Ed25519 key is needed');
  return Buffer.from(publicKey.export({ format: 'jwk' }).x as string, 'base64url');
}

export function keyIdOf(name: string, publicKey: KeyObject): number {
  const digest = createHash('sha256')
    .update(name)
    .update('\n')
    .update(Buffer.from([ED25519_TYPE]))
    .update(rawEd25519PublicKey(publicKey))
    .digest();
  return digest.readUInt32BE(0);
}

export function ed25519Signer(name: string, privateKey: KeyObject): NoteSigner {
  if (!isValidKeyName(name)) throw new TypeError(`not a valid key name: ${JSON.stringify(name)}`);
  if (privateKey.type !== 'private' || privateKey.asymmetricKeyType !== 'ed25519')
    throw new TypeError('an Ed25519 private key is needed');
  const keyId = keyIdOf(name, createPublicKey(privateKey));
  return { name, keyId, sign: (message) => sign(null, message, privateKey) };
}

export function verifierKeyOf(name: string, publicKey: KeyObject): NoteVerifierKey {
  return { name, keyId: keyIdOf(name, publicKey), publicKey };
}

/** The text form of a verifier key, as Go's golang.org/x/mod/sumdb/note writes it: name+hex(ID)+base64(0x01 || key). */
export function formatVerifierKey(key: NoteVerifierKey): string {
  const encoded = Buffer.concat([Buffer.from([ED25519_TYPE]), rawEd25519PublicKey(key.publicKey)]).toString('base64');
  return `${key.name}+${key.keyId.toString(16).padStart(8, '0')}+${encoded}`;
}

export function parseVerifierKey(text: string): NoteVerifierKey | undefined {
  // The base64 part may itself hold '+', so only the first two '+' separate.
  const parts = /^([^+]+)\+([0-9a-f]{8})\+(\S+)$/.exec(text.trim())?.slice(1);
  if (!parts || !isValidKeyName(parts[0]) || !isBase64(parts[2])) return undefined;
  const raw = Buffer.from(parts[2], 'base64');
  if (raw.length !== 33 || raw[0] !== ED25519_TYPE) return undefined;
  const publicKey = createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: raw.subarray(1).toString('base64url') },
    format: 'jwk',
  });
  const key = verifierKeyOf(parts[0], publicKey);
  return key.keyId === parseInt(parts[1], 16) ? key : undefined;
}

export function signNote(text: string, signers: readonly NoteSigner[]): string {
  if (!isValidNoteText(text))
    throw new TypeError(
      'a note text is non-empty UTF-8 ending in a newline, without blank lines or control characters',
    );
  const lines = signers.map((signer) => {
    const signature = Buffer.concat([keyIdBytes(signer.keyId), signer.sign(Buffer.from(text, 'utf8'))]);
    return `${SIGNATURE_PREFIX}${signer.name} ${signature.toString('base64')}\n`;
  });
  return `${text}\n${lines.join('')}`;
}

export function parseNote(note: string): ParsedNote | undefined {
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) return undefined;
  const text = note.slice(0, split + 1);
  if (!isValidNoteText(text)) return undefined;
  const signatures: NoteSignature[] = [];
  for (const line of note.slice(split + 2, -1).split('\n')) {
    const signature = parseSignatureLine(line);
    if (!signature) return undefined;
    signatures.push(signature);
  }
  return signatures.length > 0 ? { text, signatures } : undefined;
}

export function verifySignature(text: string, signature: NoteSignature, key: NoteVerifierKey): boolean {
  return (
    signature.name === key.name &&
    signature.keyId === key.keyId &&
    signature.signature.length === 64 &&
    verify(null, Buffer.from(text, 'utf8'), key.publicKey, signature.signature)
  );
}

function parseSignatureLine(line: string): NoteSignature | undefined {
  if (!line.startsWith(SIGNATURE_PREFIX)) return undefined;
  const [name, encoded, ...rest] = line.slice(SIGNATURE_PREFIX.length).split(' ');
  if (rest.length > 0 || !name || !isValidKeyName(name) || !encoded || !isBase64(encoded)) return undefined;
  const bytes = Buffer.from(encoded, 'base64');
  if (bytes.length < 5) return undefined;
  return { name, keyId: bytes.readUInt32BE(0), signature: bytes.subarray(4) };
}

function isValidNoteText(text: string): boolean {
  // eslint-disable-next-line no-control-regex -- a note may not contain control characters: that is the check
  return text.length > 0 && text.endsWith('\n') && !text.includes('\n\n') && !/[\x00-\x09\x0b-\x1f\x7f]/.test(text);
}

export function isBase64(text: string): boolean {
  return (
    text.length % 4 === 0 &&
    /^[A-Za-z0-9+/]*={0,2}$/.test(text) &&
    Buffer.from(text, 'base64').toString('base64') === text
  );
}

function keyIdBytes(keyId: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(keyId);
  return bytes;
}
