import { WrongExpectedVersionError } from '@c2g/event-store';
import { AccessEventMetadata, ApiKeyRegistry } from './api-key-registry';

/**
 * Makes sure someone can administer a fresh install: C2G_ADMIN_KEY wins when set (on every
 * node configured with it); otherwise the first start of the first node generates an admin
 * key in the access stream and returns it to be printed once. Nodes starting together race
 * at the stream's revision: one wins, the others find its key and print nothing.
 */
export async function bootstrapAdminKey(
  registry: ApiKeyRegistry,
  configuredSecret: string | undefined,
  metadata: AccessEventMetadata,
): Promise<{ generatedKey?: string }> {
  if (configuredSecret) {
    registry.useConfiguredAdminKey(configuredSecret);
    return {};
  }
  const { revision, activeAdmins } = await registry.accessState();
  if (activeAdmins > 0) return {};
  try {
    const { key } = await registry.issue('admin', 'first-start admin', metadata, { expectedRevision: revision ?? 'no_stream' });
    return { generatedKey: key };
  } catch (error) {
    if (error instanceof WrongExpectedVersionError) return {};
    throw error;
  }
}
