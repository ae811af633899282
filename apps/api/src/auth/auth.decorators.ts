import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Actor, Role } from '@pdca/kernel';
import type { Authenticated } from './request-authenticator';

export { IS_PUBLIC, Public } from '@pdca/platform';
export const ROLES = 'auth:roles';

/** First line of defence at the route; the domain checks roles and ownership again. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

export type AuthenticatedRequest = {
  actor?: Actor & { displayName: string };
  authentication?: Authenticated;
  correlationId?: string;
};

export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext) => {
  return context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
});
