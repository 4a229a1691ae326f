import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadAppConfig } from '../../apps/api/src/config/app-config';
import { createApp } from '../../apps/api/src/create-app';
import { makeTempDir } from './temp-dir';

/** The real app on a fresh data directory, driven through Fastify's inject (no port). */
export async function startTestApp(env: NodeJS.ProcessEnv = {}): Promise<{
  app: NestFastifyApplication;
  dataDir: string;
  stop(): Promise<void>;
}> {
  const temp = makeTempDir('c2g-e2e-');
  const config = loadAppConfig({ LOG_LEVEL: 'error', ...env, C2G_DATA_DIR: temp.dir });
  const app = await createApp(config);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    dataDir: temp.dir,
    async stop() {
      await app.close();
      temp.remove();
    },
  };
}
