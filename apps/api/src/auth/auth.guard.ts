import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { forbidden, DomainError, Role } from '@pdca/kernel';
import { AuthenticatedRequest, IS_PUBLIC, ROLES } from './auth.decorators';
import { TokenService } from './token.service';

export const unauthenticated = (reason: string) =>
  new DomainError('UNAUTHENTICATED', 'unauthenticated', 'ログインが必要です（有効なアクセストークンを指定してください）。', `A valid bearer token is required (${reason}).`);

/** Global: every route needs a valid bearer token unless marked @Public(); the ward in the path must be the user's. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector, private readonly tokens: TokenService) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest & { headers: Record<string, string | undefined>; params: Record<string, string> }>();
    request.actor = this.authenticate(request.headers.authorization);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(request.actor.role)) {
      throw forbidden('ROLE_NOT_ALLOWED', 'この操作を行う権限がありません。', 'Your role may not do this.', { role: request.actor.role, allowed: roles });
    }
    const wardId = request.params?.wardId;
    if (wardId && wardId !== request.actor.wardId) {
      throw forbidden('OTHER_WARD', '他の自治体のデータにはアクセスできません。', "You may not access another municipality's data.", { wardId });
    }
    return true;
  }

  private authenticate(header: string | undefined) {
    const match = /^Bearer ([A-Za-z0-9_.-]{10,4096})$/.exec(header ?? '');
    if (!match) throw unauthenticated('missing or malformed Authorization header');
    try {
      return this.tokens.verify(match[1]);
    } catch (error) {
      throw unauthenticated((error as Error).message);
    }
  }
}
