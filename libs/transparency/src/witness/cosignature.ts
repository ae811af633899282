import { createHash, createPublicKey, KeyObject, sign, verify } from 'node:crypto';
import { isBase64, isValidKeyName, parseNote, rawEd25519PublicKey } from '../signed-note';

/**
 * C2SP tlog-cosignature/v1 with Ed25519 (https://c2sp.org/tlog-cosignature): a witness's note
 * signature over "cosignature/v1\ntime <seconds>\n" and the checkpoint's body, stating that this is
 * the largest consistent tree it has seen. The key ID uses type 0x04, so a witness key can never
 * be taken for a log's checkpoint key (0x01), and the 8-byte time travels in the signature.
 */
const COSIGNATURE_TYPE = 0x04;
const PREFIX = '\u2014 ';

export interface Cosigner {
  name: string;
  publicKey: KeyObject;
  keyId: number;
}

export function cosignerOf(name: string, publicKey: KeyObject): Cosigner {
  if (!isValidKeyName(name)) throw new TypeError(`not a valid witness name: ${JSON.stringify(name)}`);
  const keyId = createHash('sha256')
    .update(name)
    .update('\n')
    .update(Buffer.from([COSIGNATURE_TYPE]))
    .update(rawEd25519PublicKey(publicKey))
    .digest()
    .readUInt32BE(0);
  return { name, publicKey, keyId };
}

/** The vkey form (name+hex ID+base64(0x04 || key)), what a verifier is given to trust a witness. */
export function formatCosignerKey(cosigner: Cosigner): string {
  const encoded = Buffer.concat([Buffer.from([COSIGNATURE_TYPE]), rawEd25519PublicKey(cosigner.publicKey)]).toString(
    'base64',
  );
  return `${cosigner.name}+${cosigner.keyId.toString(16).padStart(8, '0')}+${encoded}`;
}

export function parseCosignerKey(text: string): Cosigner | undefined {
  const parts = /^([^+]+)\+([0-9a-f]{8})\+(\S+)$/.exec(text.trim())?.slice(1);
  if (!parts || !isValidKeyName(parts[0]) || !isBase64(parts[2])) return undefined;
  const raw = Buffer.from(parts[2], 'base64');
  if (raw.length !== 33 || raw[0] !== COSIGNATURE_TYPE) return undefined;
  const cosigner = cosignerOf(
    parts[0],
    createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.subarray(1).toString('base64url') }, format: 'jwk' }),
  );
  return cosigner.keyId === parseInt(parts[1], 16) ? cosigner : undefined;
}

const signedMessage = (body: string, seconds: bigint) =>
  Buffer.from(`cosignature/v1\ntime ${seconds}\n${body}`, 'utf8');

/** The note with the witness's cosignature line added after the log's signatures. */
export function cosign(note: string, cosigner: Cosigner, privateKey: KeyObject, at: Date): string {
  const parsed = parseNote(note);
  if (!parsed) throw new TypeError('not a signed note');
  const seconds = BigInt(Math.floor(at.getTime() / 1000));
  const header = Buffer.alloc(12);
  header.writeUInt32BE(cosigner.keyId, 0);
  header.writeBigUInt64BE(seconds, 4);
  const signature = sign(null, signedMessage(parsed.text, seconds), privateKey);
  return `${note}${PREFIX}${cosigner.name} ${Buffer.concat([header, signature]).toString('base64')}\n`;
}

/** 'valid', 'missing' (no line by this witness) or 'invalid' (a line by it that does not verify). */
export function cosignatureStatus(note: string, cosigner: Cosigner): 'valid' | 'missing' | 'invalid' {
  const parsed = parseNote(note);
  if (!parsed) return 'invalid';
  const mine = parsed.signatures.filter((s) => s.name === cosigner.name && s.keyId === cosigner.keyId);
  if (mine.length === 0) return 'missing';
  return mine.every(
    ({ signature }) =>
      signature.length === 72 &&
      verify(null, signedMessage(parsed.text, signature.readBigUInt64BE(0)), cosigner.publicKey, signature.subarray(8)),
  )
    ? 'valid'
    : 'invalid';
}
