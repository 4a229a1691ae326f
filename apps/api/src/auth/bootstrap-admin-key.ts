import { ApiKeyRegistry } from './api-key-registry';

/**
 * Makes sure someone can administer a fresh install: C2G_ADMIN_KEY wins when set;
 * otherwise the first start generates an admin key and returns it to be printed once.
 */
export function bootstrapAdminKey(
  registry: ApiKeyRegistry,
  configuredSecret: string | undefined,
  now: string,
): { generatedKey?: string } {
  if (configuredSecret) {
    registry.useConfiguredAdminKey(configuredSecret, now);
    return {};
  }
  if (registry.hasAdminKey()) return {};
  return { generatedKey: registry.issue('admin', 'first-start admin', now).key };
}
