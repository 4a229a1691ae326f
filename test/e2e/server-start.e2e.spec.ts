import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { startApiProcess } from '../support/api-process';
import { exited, runTs } from '../support/run-ts';
import { makeTempDir } from '../support/temp-dir';

/** The server as `npm start` runs it: a real process, a real port, logs on stdout. */
describe('the API process', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => (temp = makeTempDir()));
  afterEach(() => temp.remove());

  it('starts on the embedded store, prints its URL and serves /health and /ready', async () => {
    const server = await startApiProcess({ C2G_DATA_DIR: join(temp.dir, 'data') });
    try {
      expect(((await (await fetch(`${server.url}/health`)).json()) as { status: string }).status).toBe('ok');
      expect(((await (await fetch(`${server.url}/ready`)).json()) as { status: string }).status).toBe('ready');
    } finally {
      await server.stop();
    }
  }, 30_000);

  it('exits with a clear message, without credentials, when EventStoreDB cannot be reached', async () => {
    const closedPort = await freePort();
    const child = runTs('apps/api/src/main.ts', [], {
      PORT: '0',
      C2G_DATA_DIR: join(temp.dir, 'data'),
      EVENTSTORE_CONNECTION_STRING: `esdb://operator:s3cret@127.0.0.1:${closedPort}?tls=false`,
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    expect(await exited(child)).toBe(1);
    expect(stderr).toMatch(new RegExp(`c2g could not start: EventStoreDB at esdb://127\\.0\\.0\\.1:${closedPort} is unreachable`));
    expect(stderr).not.toMatch(/s3cret|\n\s+at /);
  }, 30_000);

  it('exits with a clear message when the data directory cannot be written', async () => {
    const blocker = join(temp.dir, 'a-file');
    writeFileSync(blocker, 'x');
    const child = runTs('apps/api/src/main.ts', [], { PORT: '0', C2G_DATA_DIR: blocker });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    expect(await exited(child)).toBe(1);
    expect(stderr).toMatch(/c2g could not start: data directory .*a-file is not a writable directory/);
    expect(stderr).not.toMatch(/\n\s+at /);
  }, 30_000);
});

/** A port nothing listens on: bound once by the OS, then released. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
