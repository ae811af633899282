import { createHash } from 'node:crypto';
import type { ImportFile } from '@pdca/importing';

/**
 * The key of a set of files: the same contents (in any order, under any names) are the same import,
 * whatever Idempotency-Key a retry carries.
 */
export function filesKey(wardId: string, files: ImportFile[]): string {
  const digests = files.map((file) => sha256(file.data)).sort();
  return createHash('sha256')
    .update([wardId, ...digests].join('\n'))
    .digest('hex')
    .slice(0, 16);
}

export function describeFile(file: ImportFile) {
  return { name: file.name, sha256: sha256(file.data), bytes: file.data.byteLength };
}

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/** `{files key}-{run}`; imports from before batches were 16 hex digits, their stream keyed by the id itself. */
export const IMPORT_ID_PATTERN = /^([0-9a-f]{16})(?:-[1-9][0-9]{0,5})?$/;

export const streamKeyOf = (importId: string): string => IMPORT_ID_PATTERN.exec(importId)?.[1] ?? importId;
