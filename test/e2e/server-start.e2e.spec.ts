import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exited, runTs } from '../support/run-ts';
import { makeTempDir } from '../support/temp-dir';

/** The server as `npm start` runs it: a real process, a real port, logs on stdout. */
describe('the API process', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => (temp = makeTempDir()));
  afterEach(() => temp.remove());

  it('starts on the embedded store, prints its URL and serves /health and /ready', async () => {
    const child = runTs('apps/api/src/main.ts', [], { PORT: '0', C2G_DATA_DIR: join(temp.dir, 'data'), NO_COLOR: '1' });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /listening on (http:\/\/\S+)/.exec(output);
          if (match) resolve(match[1]);
        });
        child.once('exit', () => reject(new Error(`server exited early: ${output}`)));
      });
      expect(((await (await fetch(`${url}/health`)).json()) as { status: string }).status).toBe('ok');
      expect(((await (await fetch(`${url}/ready`)).json()) as { status: string }).status).toBe('ready');
    } finally {
      child.kill('SIGTERM');
      await exited(child);
    }
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
