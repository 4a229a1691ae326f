import { INestApplication, Type } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { PUBLIC_KEY, ROLES_KEY } from '../auth/access.decorators';
import { Role } from '../auth/role';

export type RouteAccess = { public: true } | { public: false; roles: Role[] };

/**
 * Who may call each controller method, read from the same metadata the ApiKeyGuard reads
 * (method first, then class), keyed like swagger's default operationId: Controller_method.
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
        access.set(
          `${controller.name}_${method}`,
          read<boolean>(PUBLIC_KEY) ? { public: true } : { public: false, roles: read<Role[]>(ROLES_KEY) ?? [] },
        );
      }
    }
  }
  return access;
}
