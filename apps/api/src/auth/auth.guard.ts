import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DOMAIN_ROLES, forbidden, Role } from '@pdca/kernel';
import { AuthenticatedRequest, IS_PUBLIC, ROLES } from './auth.decorators';
import { RequestAuthenticator } from './request-authenticator';

/**
 * Global: every route needs a bearer token or the session cookie unless marked @Public(); a
 * cookie-borne request that changes something needs the CSRF token; the ward in the path must be
 * the user's. A route without @Roles is open to the review's roles, never to the operator.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: RequestAuthenticator,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<
      AuthenticatedRequest & {
        method: string;
        headers: Record<string, string | undefined>;
        params: Record<string, string>;
      }
    >();
    const authenticated = this.authenticator.authenticate(request.headers);
    this.authenticator.requireCsrfToken(authenticated, request.method, request.headers);
    request.actor = authenticated.actor;
    request.authentication = authenticated;
    const roles = this.reflector.getAllAndOverride<readonly Role[] | undefined>(ROLES, targets) ?? DOMAIN_ROLES;
    if (!roles.includes(request.actor.role)) {
      throw forbidden('ROLE_NOT_ALLOWED', 'この操作を行う権限がありません。', 'Your role may not do this.', {
        role: request.actor.role,
        allowed: roles,
      });
    }
    const wardId = request.params?.wardId;
    if (wardId && wardId !== request.actor.wardId) {
      throw forbidden(
        'OTHER_WARD',
        '他の自治体のデータにはアクセスできません。',
        "You may not access another municipality's data.",
        { wardId },
      );
    }
    return true;
  }
}
