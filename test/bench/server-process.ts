import { exited, onLines, runTs } from '../support/run-ts';

export const ADMIN = 'bench-admin-key-0123456789abcdef';

export interface BenchServer {
  url: string;
  /** How the server was configured: where projections run, snapshot interval, as-of builds at once. */
  setup: string;
  pid: number;
  /** POST with a key, JSON body; returns the response. */
  post(path: string, body: unknown, key: string): Promise<Response>;
  /** Polls GET /ready until 200; returns the seconds waited, throws after `timeoutMs`. */
  ready(timeoutMs: number): Promise<number>;
  /** The log head as /ready reports it. */
  head(): Promise<bigint>;
  /** Issues an API key of `role` with the admin key. */
  key(role: 'service' | 'analyst' | 'operator', label: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Starts the c2g API in its own process (test/bench/bench-server.ts) on `dataDir`, so the
 * bench process, the load generator and the server each have their own event loop.
 */
export async function startServer(dataDir: string, env: Record<string, string> = {}): Promise<BenchServer> {
  const child = runTs('test/bench/bench-server.ts', [], {
    C2G_DATA_DIR: dataDir,
    C2G_ADMIN_KEY: ADMIN,
    C2G_RATE_LIMIT_PER_MINUTE: '10000000',
    LOG_LEVEL: 'error',
    ...env,
  });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-4000)));
  const started = await new Promise<{ url: string; projector?: string; snapshotEvery?: number; asOfConcurrency?: number }>((resolve, reject) => {
    onLines(child, (line) => {
      if (line.startsWith('{"url"')) resolve(JSON.parse(line));
    });
    void exited(child).then((code) => reject(new Error(`bench server exited (${code}) before listening: ${errors.slice(-500)}`)));
  });
  const { url } = started;
  const setup = [
    `projector ${started.projector ?? '?'}`,
    started.snapshotEvery ? `snapshots every ${started.snapshotEvery.toLocaleString('en')}` : 'no snapshots',
    ...(started.asOfConcurrency ? [`${started.asOfConcurrency} as-of build(s) at once`] : []),
  ].join(', ');
  const readyBody = async () => {
    const response = await fetch(`${url}/ready`);
    return { ok: response.status === 200, body: (await response.json()) as { store?: { headPosition?: string } } };
  };
  const server: BenchServer = {
    url,
    setup,
    pid: child.pid!,
    post: (path, body, key) =>
      fetch(`${url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    async ready(timeoutMs) {
      const started = Date.now();
      for (;;) {
        if (child.exitCode !== null) throw new Error(`bench server exited (${child.exitCode}): ${errors.slice(-500)}`);
        if ((await readyBody()).ok) return (Date.now() - started) / 1000;
        if (Date.now() - started > timeoutMs) throw new Error(`bench server not ready after ${timeoutMs / 1000} s`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    },
    async head() {
      return BigInt((await readyBody()).body.store?.headPosition ?? '0');
    },
    async key(role, label) {
      const response = await server.post('/admin/api-keys', { role, label }, ADMIN);
      if (response.status !== 201) throw new Error(`could not issue a ${role} key: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { key: string }).key;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited(child);
      clearTimeout(timer);
    },
  };
  return server;
}
