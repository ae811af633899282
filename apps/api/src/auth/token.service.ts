import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { Actor, Role } from '@pdca/kernel';
import { Environment } from '@pdca/platform';

interface Claims {
  sub: string;
  role: Role;
  ward: string;
  section?: string;
  name: string;
}

/** HS256 only, with issuer, audience and expiry checked on every request. */
@Injectable()
export class TokenService {
  constructor(private readonly jwt: JwtService, private readonly environment: Environment) {}

  issue(actor: Actor & { displayName: string }): { accessToken: string; tokenType: 'Bearer'; expiresIn: number } {
    const claims: Claims = { sub: actor.userId, role: actor.role, ward: actor.wardId, section: actor.sectionId, name: actor.displayName };
    const accessToken = this.jwt.sign(claims, {
      algorithm: 'HS256',
      issuer: this.environment.JWT_ISSUER,
      audience: this.environment.JWT_AUDIENCE,
      expiresIn: this.environment.JWT_TTL_SECONDS,
    });
    return { accessToken, tokenType: 'Bearer', expiresIn: this.environment.JWT_TTL_SECONDS };
  }

  /** Throws on a bad signature, algorithm, issuer, audience or expiry. */
  verify(token: string): Actor & { displayName: string } {
    const claims = this.jwt.verify<Claims>(token, {
      algorithms: ['HS256'],
      issuer: this.environment.JWT_ISSUER,
      audience: this.environment.JWT_AUDIENCE,
    });
    return { userId: claims.sub, role: claims.role, wardId: claims.ward, sectionId: claims.section, displayName: claims.name };
  }
}
