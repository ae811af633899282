import { createHmac, timingSafeEqual } from 'node:crypto';

export const CSRF_HEADER = 'x-csrf-token';

/**
 * The CSRF token is derived from the session, not stored: an HMAC of the session token's id under
 * the server secret. Only a page that read it from our own JSON (same origin) can send it back;
 * another site can make the browser send the cookie (not even that, with SameSite=Strict) but
 * cannot know this value.
 */
export function csrfTokenFor(tokenId: string, secret: string): string {
  return createHmac('sha256', secret).update(`pdca-csrf:${tokenId}`).digest('base64url');
}

/** Constant-time comparison; the length of a valid token is public, so checking it first reveals nothing. */
export function isCsrfTokenValid(given: unknown, tokenId: string, secret: string): boolean {
  if (typeof given !== 'string') return false;
  const expected = Buffer.from(csrfTokenFor(tokenId, secret));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
