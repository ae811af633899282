import { randomBytes, scryptSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import type { Role } from '@pdca/kernel';

export interface UserSpec {
  username: string;
  role: Role;
  wardId: string;
  sectionId?: string;
}

export const PASSWORD = 'bench password 練馬';

/**
 * A users file the API reads as in production. The hashes use the stored-parameters format of
 * apps/api/src/auth/password-hasher.ts with N=1024 instead of 16384: the bench logs in thousands of
 * section users before measuring, and logins are not what it measures. One salt and hash serve
 * every user because they share the password; each login still runs a full scrypt verification.
 */
export function writeUsersFile(file: string, users: UserSpec[], password = PASSWORD): void {
  const params = { N: 1_024, r: 8, p: 1 };
  const salt = randomBytes(16);
  const hash = scryptSync(password, salt, 32, params);
  const passwordHash = `scrypt:N=${params.N},r=${params.r},p=${params.p}:${salt.toString('base64')}:${hash.toString('base64')}`;
  writeFileSync(file, JSON.stringify({ users: users.map((u) => ({ displayName: u.username, passwordHash, ...u })) }));
}
