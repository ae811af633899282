import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { LRUCache } from 'lru-cache';
import type { Actor, Role } from '@pdca/kernel';
import { Environment } from '@pdca/platform';

interface Claims {
  sub: string;
  role: Role;
  ward: string;
  section?: string;
  name: string;
  exp: number;
}

type VerifiedActor = Actor & { displayName: string };

/** Tokens whose signature and claims were checked, remembered until they expire. */
const VERIFIED_TOKENS = 10_000;

/** HS256 only, with issuer, audience and expiry checked on every request. */
@Injectable()
export class TokenService {
  /**
   * A client sends the same token with every request; checking its HMAC again each time was 5% of
   * a command's CPU. The cache key is the whole token, signature included, so only the exact bytes
   * that passed the check are trusted, and an entry lives no longer than the token's own expiry.
   */
  private readonly verified = new LRUCache<string, VerifiedActor>({ max: VERIFIED_TOKENS });

  constructor(private readonly jwt: JwtService, private readonly environment: Environment) {}

  issue(actor: VerifiedActor): { accessToken: string; tokenType: 'Bearer'; expiresIn: number } {
    const claims: Omit<Claims, 'exp'> = { sub: actor.userId, role: actor.role, ward: actor.wardId, section: actor.sectionId, name: actor.displayName };
    const accessToken = this.jwt.sign(claims, {
      algorithm: 'HS256',
      issuer: this.environment.JWT_ISSUER,
      audience: this.environment.JWT_AUDIENCE,
      expiresIn: this.environment.JWT_TTL_SECONDS,
    });
    return { accessToken, tokenType: 'Bearer', expiresIn: this.environment.JWT_TTL_SECONDS };
  }

  /** Throws on a bad signature, algorithm, issuer, audience or expiry. */
  verify(token: string): VerifiedActor {
    const known = this.verified.get(token);
    if (known) return known;
    const claims = this.jwt.verify<Claims>(token, {
      algorithms: ['HS256'],
      issuer: this.environment.JWT_ISSUER,
      audience: this.environment.JWT_AUDIENCE,
    });
    const actor: VerifiedActor = Object.freeze({ userId: claims.sub, role: claims.role, wardId: claims.ward, sectionId: claims.section, displayName: claims.name });
    const validForMs = claims.exp * 1000 - Date.now();
    if (validForMs > 0) this.verified.set(token, actor, { ttl: validForMs });
    return actor;
  }
}
