import { createCipheriv, createDecipheriv, randomBytes, randomFillSync } from 'node:crypto';

/** What a sealed field holds in the stored event instead of its text. */
export interface SealedText {
  /** Marks the envelope; names the cipher, so another one can follow without ambiguity. */
  $personal: 'aes-256-gcm';
  /** The id of the text's own key in the key store. */
  kid: string;
  iv: string;
  /** Ciphertext then the 16-byte GCM tag, base64. */
  sealed: string;
}

/** Shown wherever an erased text was: projections, reports, exports, the audit trail ("[erased: personal data]"). */
export const ERASED_MARK = '［個人情報のため削除］';

export const isSealedText = (value: unknown): value is SealedText =>
  typeof value === 'object' &&
  value !== null &&
  (value as SealedText).$personal === 'aes-256-gcm' &&
  typeof (value as SealedText).kid === 'string';

/** A text's own key and its id in the key store. */
export interface PersonalKey {
  kid: string;
  key: Buffer;
}

/** A fresh 256-bit key per text: destroying it makes exactly that text unreadable. */
export const KEY_BYTES = 32;

/** The material of `count` keys in one buffer, key i at bytes KEY_BYTES·i. */
export const newKeyMaterial = (count: number): Uint8Array<ArrayBuffer> =>
  randomFillSync(new Uint8Array(KEY_BYTES * count));

/** Seals one text with its own key, which nothing else may use (the key store hands each out once). */
export function sealText(text: string, where: string, { kid, key }: PersonalKey): SealedText {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(where, 'utf8'));
  const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return { $personal: 'aes-256-gcm', kid, iv: iv.toString('base64'), sealed: body.toString('base64') };
}

/**
 * The text, or the erased mark when its key was destroyed. `where` (event id and field path) is
 * the associated data: a sealed text moved to another event or field does not open.
 */
export function openText(envelope: SealedText, key: Buffer | undefined, where: string): string {
  if (!key) return ERASED_MARK;
  const body = Buffer.from(envelope.sealed, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(envelope.iv, 'base64')).setAAD(
    Buffer.from(where, 'utf8'),
  );
  decipher.setAuthTag(body.subarray(body.length - 16));
  return Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]).toString('utf8');
}
