import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Principal, Role } from './role';

export const ROLES_KEY = 'c2g:roles';
export const PUBLIC_KEY = 'c2g:public';

/** The roles allowed on a route or controller; routes without it (or @Public) are refused. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** A route anyone may call without a key (health, readiness, API docs). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** The authenticated caller, as set by the ApiKeyGuard. */
export const CurrentPrincipal = createParamDecorator(
  (_: unknown, context: ExecutionContext): Principal => context.switchToHttp().getRequest().principal,
);
