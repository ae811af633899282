import { createHash } from 'node:crypto';
import { canonicalJson } from '@pdca/kernel';

interface UploadedFile {
  fieldname?: string;
  originalname?: string;
  buffer?: Buffer;
}

export interface FingerprintedRequest {
  method: string;
  originalUrl?: string;
  url: string;
  body?: unknown;
  /** Set by MultipartUploads on the upload routes. */
  uploads?: UploadedFile[];
}

/**
 * What an Idempotency-Key is bound to (IETF draft "The Idempotency-Key HTTP Header Field"): the
 * endpoint (method and path, without the query) and the body as RFC 8785 canonical JSON, so key
 * order and spacing do not matter. Uploaded files count by their bytes.
 */
export function requestFingerprint(request: FingerprintedRequest): string {
  const path = (request.originalUrl ?? request.url).split('?')[0];
  const hash = createHash('sha256').update(
    canonicalJson({ method: request.method.toUpperCase(), path, body: request.body ?? null }),
  );
  for (const file of request.uploads ?? []) {
    hash.update(`\u0000${file.fieldname ?? ''}\u0000${file.originalname ?? ''}\u0000`);
    if (file.buffer) hash.update(file.buffer);
  }
  return hash.digest('base64url');
}
