import { loadAppConfig } from '../../api/src/config/app-config';
import { createApp } from '../../api/src/create-app';
import { API_KEY_REGISTRY } from '../../api/src/auth/api-key.guard';
import { ApiKeyRegistry } from '../../api/src/auth/api-key-registry';
import { Role } from '../../api/src/auth/role';
import { driveCommandClock } from '../../api/src/commands/command-clock';
import { startupEventMetadata } from '../../api/src/commands/event-metadata';

export type Send = (method: 'GET' | 'POST', url: string, body?: unknown, headers?: Record<string, string>) => Promise<{ status: number; body: string }>;

/**
 * The real API in this process, on a data directory, without a port: commands go through
 * the same validation, handlers and store as over HTTP. A key is issued per role asked, with
 * the given label (the actor recorded in the events). With a `clock`, commands are stamped with
 * its time instead of the wall clock's (the demo's back-dated history).
 */
export async function withInProcessApi<T>(
  dataDir: string,
  labels: Partial<Record<Role, string>>,
  body: (send: (role: Role) => Send) => Promise<T>,
  { clock }: { clock?: () => Date } = {},
): Promise<T> {
  const config = loadAppConfig({ ...process.env, C2G_DATA_DIR: dataDir, LOG_LEVEL: 'warn', C2G_RATE_LIMIT_PER_MINUTE: '10000000' });
  const { app } = await createApp(config, { bootstrapAdmin: false });
  if (clock) driveCommandClock(app, clock);
  await app.init();
  const registry = app.get<ApiKeyRegistry>(API_KEY_REGISTRY);
  const issuedIds: string[] = [];
  try {
    // Keys are events now (every node honours them): revoked again when the CLI is done.
    const metadata = startupEventMetadata('cli-in-process-api', new Date().toISOString());
    const keys = new Map<Role, string>();
    for (const [role, label] of Object.entries(labels)) {
      const issued = await registry.issue(role as Role, label, metadata);
      keys.set(role as Role, issued.key);
      issuedIds.push(issued.principal.keyId);
    }
    return await body((role) => async (method, url, payload, headers = {}) => {
      const response = await app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${keys.get(role)}`, ...headers },
        ...(method === 'POST' ? { payload: (typeof payload === 'string' ? payload : (payload ?? {})) as object } : {}),
      });
      return { status: response.statusCode, body: response.body };
    });
  } finally {
    try {
      const metadata = startupEventMetadata('cli-in-process-api', new Date().toISOString());
      for (const keyId of issuedIds) await registry.revoke(keyId, metadata);
    } finally {
      // A revocation that failed still closes the app (its store, read models and their lock).
      await app.close();
    }
  }
}
