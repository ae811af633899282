import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { LRUCache } from 'lru-cache';
import { randomUUID } from 'node:crypto';
import type { Role } from '@pdca/kernel';
import { Environment } from '@pdca/platform';

interface Claims {
  sub: string;
  role: Role;
  ward: string;
  section?: string;
  name: string;
  /** The user's credential stamp when the token was issued (see users-file.ts). */
  cred: string;
  jti: string;
  exp: number;
}

/** What a correctly signed, unexpired token says; whether it still holds is the directory's call. */
export interface VerifiedToken {
  readonly userId: string;
  readonly role: Role;
  readonly wardId: string;
  readonly sectionId?: string;
  readonly credentialStamp: string;
  readonly tokenId: string;
  /** Seconds since the epoch. */
  readonly expiresAt: number;
}

export interface TokenSubject {
  userId: string;
  role: Role;
  wardId: string;
  sectionId?: string;
  displayName: string;
  credentialStamp: string;
}

/** Tokens whose signature and claims were checked, remembered until they expire. */
const VERIFIED_TOKENS = 10_000;
/** Signed-out sessions, remembered until their token would have expired anyway. */
const REVOKED_TOKENS = 100_000;

/** HS256 only, with issuer, audience and expiry checked; a token without `exp` is refused. */
@Injectable()
export class TokenService {
  /**
   * A client sends the same token with every request; checking its HMAC again each time was 5% of
   * a command's CPU. The cache key is the whole token, signature included, so only the exact bytes
   * that passed the check are trusted, and an entry lives no longer than the token's own expiry.
   * The cache holds the signature check only: who the user is now is looked up on every request.
   */
  private readonly verified = new LRUCache<string, VerifiedToken>({ max: VERIFIED_TOKENS });
  private readonly revoked = new LRUCache<string, true>({ max: REVOKED_TOKENS });

  constructor(
    private readonly jwt: JwtService,
    private readonly environment: Environment,
  ) {}

  issue(subject: TokenSubject): {
    accessToken: string;
    tokenType: 'Bearer';
    expiresIn: number;
    tokenId: string;
    expiresAt: number;
  } {
    const tokenId = randomUUID();
    const claims: Omit<Claims, 'exp'> = {
      sub: subject.userId,
      role: subject.role,
      ward: subject.wardId,
      section: subject.sectionId,
      name: subject.displayName,
      cred: subject.credentialStamp,
      jti: tokenId,
    };
    const expiresIn = this.environment.JWT_TTL_SECONDS;
    const accessToken = this.jwt.sign(claims, {
      algorithm: 'HS256',
      issuer: this.environment.JWT_ISSUER,
      audience: this.environment.JWT_AUDIENCE,
      expiresIn,
    });
    const { exp } = this.jwt.decode<{ exp: number }>(accessToken);
    return { accessToken, tokenType: 'Bearer', expiresIn, tokenId, expiresAt: exp };
  }

  /** Throws on a bad signature, algorithm, issuer, audience, expiry, a missing claim or a signed-out session. */
  verify(token: string): VerifiedToken {
    const verified = this.verified.get(token) ?? this.check(token);
    if (this.revoked.has(verified.tokenId)) throw new Error('signed out');
    return verified;
  }

  /** Signs a token out (a browser session's sign-out) until it would have expired. */
  revoke(token: VerifiedToken): void {
    const remainingMs = token.expiresAt * 1000 - Date.now();
    if (remainingMs > 0) this.revoked.set(token.tokenId, true, { ttl: remainingMs });
  }

  private check(token: string): VerifiedToken {
    const claims = this.jwt.verify<Partial<Claims>>(token, {
      algorithms: ['HS256'],
      issuer: this.environment.JWT_ISSUER,
      audience: this.environment.JWT_AUDIENCE,
    });
    // jsonwebtoken accepts a token without `exp` as valid forever; ours always carry one.
    if (typeof claims.exp !== 'number') throw new Error('token has no expiry (exp)');
    for (const claim of ['sub', 'role', 'ward', 'cred', 'jti'] as const) {
      if (typeof claims[claim] !== 'string') throw new Error(`token has no ${claim}`);
    }
    const verified: VerifiedToken = Object.freeze({
      userId: claims.sub!,
      role: claims.role!,
      wardId: claims.ward!,
      sectionId: claims.section,
      credentialStamp: claims.cred!,
      tokenId: claims.jti!,
      expiresAt: claims.exp,
    });
    const validForMs = claims.exp * 1000 - Date.now();
    if (validForMs > 0) this.verified.set(token, verified, { ttl: validForMs });
    return verified;
  }
}
