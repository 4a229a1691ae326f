import { createServer, Server } from 'node:net';
import { join } from 'node:path';
import { loadAppConfig } from '../../apps/api/src/config/app-config';
import { createApp } from '../../apps/api/src/create-app';
import { exited, runTs } from '../support/run-ts';
import { makeTempDir } from '../support/temp-dir';

/** `npm start` on a fresh install whose port is taken: the admin key is not lost, the error says what to do. */
describe('the API process on a taken port', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let blocker: Server;
  beforeAll(async () => {
    temp = makeTempDir();
    blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await new Promise((resolve) => blocker.close(resolve));
    temp.remove();
  });

  it('says so in one line naming PORT, prints the admin key it stored, and that key works on the next start', async () => {
    const dataDir = join(temp.dir, 'data');
    const taken = (blocker.address() as { port: number }).port;
    const child = runTs('apps/api/src/main.ts', [], { PORT: String(taken), C2G_DATA_DIR: dataDir, NO_COLOR: '1', LOG_FORMAT: 'text' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    expect(await exited(child)).toBe(1);
    const mentions = `${stdout}\n${stderr}`.split('\n').filter((line) => /EADDRINUSE|in use/.test(line));
    expect(mentions).toEqual([`c2g could not start: port ${taken} on 127.0.0.1 is already in use; set PORT to a free port (PORT=0 picks one)`]);
    const key = /^\s+(c2g_\S+)$/m.exec(stdout)?.[1];
    expect(key).toMatch(/^c2g_/);

    // The next start (in this process: the same app, no second child to wait for) honours it.
    const { app } = await createApp(loadAppConfig({ C2G_DATA_DIR: dataDir, LOG_LEVEL: 'fatal' }));
    try {
      await app.init();
      const issued = await app.inject({
        method: 'POST',
        url: '/admin/api-keys',
        headers: { authorization: `Bearer ${key}` },
        payload: { role: 'analyst', label: 'after-a-taken-port' },
      });
      expect(issued.statusCode).toBe(201);
    } finally {
      await app.close();
    }
  }, 60_000);
});
