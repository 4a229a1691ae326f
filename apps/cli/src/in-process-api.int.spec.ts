import { loadAppConfig } from '../../api/src/config/app-config';
import { createApp } from '../../api/src/create-app';
import { makeTempDir } from '../../../test/support/temp-dir';
import { withInProcessApi } from './in-process-api';

describe('the CLI\'s in-process API on a fresh data directory', () => {
  it('leaves the first admin key to the first server start, which prints it (none is made and lost)', async () => {
    const temp = makeTempDir('c2g-inproc-');
    try {
      const status = await withInProcessApi(temp.dir, { analyst: 'cli' }, async (send) => (await send('analyst')('GET', '/communities')).status);
      expect(status).toBe(200);
      const env: NodeJS.ProcessEnv = { ...process.env, C2G_DATA_DIR: temp.dir, LOG_LEVEL: 'error' };
      delete env.C2G_ADMIN_KEY;
      const { app, generatedAdminKey } = await createApp(loadAppConfig(env));
      await app.close();
      expect(generatedAdminKey).toMatch(/^c2g_/);
    } finally {
      temp.remove();
    }
  }, 30_000);
});
