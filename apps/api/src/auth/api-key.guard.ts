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
    const header: unknown = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) {
      throw new UnauthorizedException({ code: 'api-key-missing', message: 'send an API key as Authorization: Bearer <key>' });
    }
    const principal = this.registry.authenticate(match[1]);
    if (!principal) {
      throw new UnauthorizedException({ code: 'api-key-invalid', message: 'the API key is not valid or was revoked' });
    }
    request.principal = principal;

    const allowed = this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets) ?? [];
    if (!allowed.includes(principal.role)) {
      throw new ForbiddenException({
        code: 'role-forbidden',
        message: `this route needs the role ${allowed.join(' or ') || '(none)'}; the key has the role ${principal.role}`,
      });
    }
    return true;
  }
}
