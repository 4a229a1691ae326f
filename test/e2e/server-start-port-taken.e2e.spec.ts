import { createServer, Server } from 'node:net';
import { join } from 'node:path';
import { startApiProcess } from '../support/api-process';
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

    const server = await startApiProcess({ C2G_DATA_DIR: dataDir });
    try {
      const issued = await fetch(`${server.url}/admin/api-keys`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ role: 'analyst', label: 'after-a-taken-port' }),
      });
      expect(issued.status).toBe(201);
    } finally {
      await server.stop();
    }
  }, 60_000);
});
