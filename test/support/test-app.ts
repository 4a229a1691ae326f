import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Role } from '../../apps/api/src/auth/role';
import { loadAppConfig } from '../../apps/api/src/config/app-config';
import { createApp } from '../../apps/api/src/create-app';
import { makeTempDir } from './temp-dir';

export const TEST_ADMIN_KEY = 'test-admin-key-0123456789abcdef';

export interface TestApp {
  app: NestFastifyApplication;
  dataDir: string;
  /** Issues a key of that role through the real admin route. */
  keyFor(role: Role): Promise<string>;
  stop(): Promise<void>;
}

/** The real app on a fresh data directory, driven through Fastify's inject (no port). */
export async function startTestApp(env: NodeJS.ProcessEnv = {}, temp = makeTempDir('c2g-e2e-')): Promise<TestApp> {
  const config = loadAppConfig({ LOG_LEVEL: 'error', C2G_ADMIN_KEY: TEST_ADMIN_KEY, ...env, C2G_DATA_DIR: temp.dir });
  const { app } = await createApp(config);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const keys = new Map<Role, string>([['admin', TEST_ADMIN_KEY]]);
  return {
    app,
    dataDir: temp.dir,
    async keyFor(role) {
      const known = keys.get(role);
      if (known) return known;
      const response = await app.inject({
        method: 'POST',
        url: '/admin/api-keys',
        headers: { authorization: `Bearer ${TEST_ADMIN_KEY}` },
        payload: { role, label: `test-${role}` },
      });
      if (response.statusCode !== 201) throw new Error(`could not issue a ${role} key: ${response.body}`);
      const key = response.json().key as string;
      keys.set(role, key);
      return key;
    },
    async stop() {
      await app.close();
      temp.remove();
    },
  };
}
