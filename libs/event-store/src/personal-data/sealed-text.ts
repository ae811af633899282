import { createCipheriv, createDecipheriv, randomFillSync } from 'node:crypto';

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

/** A text's own key, its id in the key store, and the nonce the key is used with (once). */
export interface PersonalKey {
  kid: string;
  key: Buffer;
  iv: Buffer;
}

/** A fresh 256-bit key per text: destroying it makes exactly that text unreadable. */
const KEY_BYTES = 32;
/** GCM's 96-bit nonce; stored in the envelope, never in the key store. */
const IV_BYTES = 12;
const MATERIAL_BYTES = KEY_BYTES + IV_BYTES;

/**
 * The material of `count` keys in one buffer, each key followed by its nonce. The nonces are drawn
 * with the keys, off the event loop: a 12-byte randomBytes call per seal took half of a seal's time
 * in the profile, 2.8 % of the event loop at 64 clients.
 */
export const newKeyMaterial = (count: number): Uint8Array<ArrayBuffer> =>
  randomFillSync(new Uint8Array(MATERIAL_BYTES * count));

/** Key i of a buffer from newKeyMaterial: the bytes the key store keeps (not the nonce). */
export const keyBytesAt = (material: Uint8Array, i: number): Buffer =>
  Buffer.from(material.buffer, material.byteOffset + i * MATERIAL_BYTES, KEY_BYTES);

/** Key i of a buffer from newKeyMaterial, with its nonce, as the sealer takes it. */
export const personalKeyAt = (material: Uint8Array, i: number, kid: string): PersonalKey => ({
  kid,
  key: keyBytesAt(material, i),
  iv: Buffer.from(material.buffer, material.byteOffset + i * MATERIAL_BYTES + KEY_BYTES, IV_BYTES),
});

/** Seals one text with its own key, which nothing else may use (the key store hands each out once). */
export function sealText(text: string, where: string, { kid, key, iv }: PersonalKey): SealedText {
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
