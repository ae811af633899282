import * as iconv from 'iconv-lite';

export type TextEncoding = 'utf-8' | 'shift_jis' | 'utf-16le' | 'utf-16be';

/**
 * Japanese Excel saves "CSV" as CP932 (Shift_JIS), "CSV UTF-8" with a BOM; other tools write
 * UTF-8 without one. Bytes that are valid UTF-8 are taken as UTF-8: Japanese text in CP932
 * practically never is, and this strict test cannot misjudge short files the way statistical
 * detectors do. Everything else is decoded as CP932 (the Windows superset of Shift_JIS).
 */
export function decodeText(data: Uint8Array): { text: string; encoding: TextEncoding } {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { text: bytes.subarray(3).toString('utf8'), encoding: 'utf-8' };
  if (startsWith(bytes, [0xff, 0xfe]))
    return { text: iconv.decode(bytes, 'utf-16le', { stripBOM: true }), encoding: 'utf-16le' };
  if (startsWith(bytes, [0xfe, 0xff]))
    return { text: iconv.decode(bytes, 'utf-16be', { stripBOM: true }), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(bytes, 'cp932'), encoding: 'shift_jis' };
  }
}

const startsWith = (bytes: Buffer, prefix: number[]) => prefix.every((byte, i) => bytes[i] === byte);
