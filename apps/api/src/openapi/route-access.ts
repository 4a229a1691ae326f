import { INestApplication, Type } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
// Not exported from the package's index; the key @SkipThrottle() writes (THROTTLER:SKIP<name>).
import { THROTTLER_SKIP } from '@nestjs/throttler/dist/throttler.constants';
import { PUBLIC_KEY, ROLES_KEY } from '../auth/access.decorators';
import { Role } from '../auth/role';

export type RouteAccess = ({ public: true } | { public: false; roles: Role[] }) & { throttled: boolean };

/**
 * Who may call each controller method, read from the same metadata the ApiKeyGuard reads
 * (method first, then class), and whether the rate limit applies (@SkipThrottle), keyed like
 * swagger's default operationId: Controller_method.
 */
export function routeAccessOf(app: INestApplication): Map<string, RouteAccess> {
  const access = new Map<string, RouteAccess>();
  for (const module of app.get(ModulesContainer, { strict: false }).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller) continue;
      for (const method of Object.getOwnPropertyNames(controller.prototype)) {
        if (method === 'constructor') continue;
        const handler = controller.prototype[method];
        if (typeof handler !== 'function') continue;
        const read = <T>(key: string): T | undefined => Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, controller);
        const throttled = !read<boolean>(`${THROTTLER_SKIP}default`);
        access.set(
          `${controller.name}_${method}`,
          read<boolean>(PUBLIC_KEY) ? { public: true, throttled } : { public: false, roles: read<Role[]>(ROLES_KEY) ?? [], throttled },
        );
      }
    }
  }
  return access;
}
