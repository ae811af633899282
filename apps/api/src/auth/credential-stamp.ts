import { createHash } from 'node:crypto';

/**
 * Changes when a user's password hash changes; tokens carry it, so a new password signs the user
 * out everywhere. A digest of the salted hash reveals nothing about the password.
 */
export function credentialStamp(passwordHash: string): string {
  return createHash('sha256').update(`pdca-credential:${passwordHash}`).digest('base64url').slice(0, 16);
}
