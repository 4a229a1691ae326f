import { ChildProcessWithoutNullStreams } from 'node:child_process';
import { exited, runTs } from './run-ts';

export const SERVER_ADMIN_KEY = 'reliability-admin-key-0123456789';

export interface ServerProcess {
  url: string;
  child: ChildProcessWithoutNullStreams;
  /** Everything the process printed so far, stdout and stderr. */
  output(): string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts the API as `npm start` would (its own process, a real port) on a data directory. */
export async function startServer(dataDir: string, env: NodeJS.ProcessEnv = {}): Promise<ServerProcess> {
  const child = runTs('apps/api/src/main.ts', [], {
    PORT: '0',
    C2G_DATA_DIR: dataDir,
    C2G_ADMIN_KEY: SERVER_ADMIN_KEY,
    C2G_RATE_LIMIT_PER_MINUTE: '10000000',
    NO_COLOR: '1',
    ...env,
  });
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]);
    });
    child.once('exit', () => reject(new Error(`server exited early: ${output}`)));
  });
  return {
    url,
    child,
    output: () => output,
    async kill(signal: NodeJS.Signals = 'SIGTERM') {
      child.kill(signal);
      await exited(child);
    },
  };
}

export async function issueKey(url: string, role: string): Promise<string> {
  const response = await fetch(`${url}/admin/api-keys`, {
    method: 'POST',
    headers: { authorization: `Bearer ${SERVER_ADMIN_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ role, label: `reliability-${role}` }),
  });
  return ((await response.json()) as { key: string }).key;
}

export async function postJson(url: string, key: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
