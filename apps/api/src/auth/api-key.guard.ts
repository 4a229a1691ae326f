import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PUBLIC_KEY, ROLES_KEY } from './access.decorators';
import { ApiKeyRegistry } from './api-key-registry';
import { authenticateRequest } from './authenticate-request';
import { Role } from './role';

export const API_KEY_REGISTRY = Symbol('API_KEY_REGISTRY');

/** Every route is closed unless marked @Public or @Roles(...) and the key has that role. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(API_KEY_REGISTRY) private readonly registry: ApiKeyRegistry,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;

    const request = context.switchToHttp().getRequest();
    const authentication = authenticateRequest(request, this.registry);
    if (authentication.outcome === 'missing') {
      throw new UnauthorizedException({ code: 'api-key-missing', message: 'send an API key as Authorization: Bearer <key>' });
    }
    if (authentication.outcome === 'invalid') {
      throw new UnauthorizedException({ code: 'api-key-invalid', message: 'the API key is not valid or was revoked' });
    }
    const { principal } = authentication;
    request.principal = principal;

    const allowed = this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets) ?? [];
    if (!allowed.includes(principal.role)) {
      throw new ForbiddenException({
        code: 'role-forbidden',
        message: `this route needs the role ${allowed.join(' or ') || '(none)'}; the key has the role ${principal.role}`,
        // Machine-readable too, so a client (the console) can say which role a page needs.
        details: { requiredRoles: allowed, role: principal.role },
      });
    }
    return true;
  }
}
