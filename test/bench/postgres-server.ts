import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PostgresServer {
  connectionString: string;
  /** Creates an empty database and returns its connection string (a fresh one per round, as c2g gets a fresh file). */
  freshDatabase(name: string): string;
  version: string;
  stop(): Promise<void>;
}

/** The newest PostgreSQL of Debian's packages here (/usr/lib/postgresql/<major>/bin), installed with apt-get when missing. */
function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const newest = () => (existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a))[0] : undefined);
  if (!newest()) {
    if (process.getuid?.() !== 0) throw new Error('PostgreSQL is not installed and this is not root: apt-get install postgresql');
    process.stderr.write("installing Debian's postgresql package once…\n");
    execFileSync('apt-get', ['install', '-y', '-qq', 'postgresql'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  }
  const version = newest();
  if (!version) throw new Error('apt-get install postgresql left no /usr/lib/postgresql/<version>/bin');
  return join(root, version, 'bin');
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * A throw-away PostgreSQL server for the bench: a fresh cluster in a temporary directory, on a
 * free port of 127.0.0.1, trust authentication, the server's defaults otherwise (fsync and
 * synchronous_commit on: a commit is durable before it is acknowledged, as c2g's appends are).
 * PostgreSQL refuses to run as root, so as root it runs as the `postgres` user of the package.
 */
export async function startPostgres(): Promise<PostgresServer> {
  const bin = postgresBin();
  const dir = mkdtempSync(join(tmpdir(), 'c2g-bench-pg-'));
  // As root, the server and initdb run as the package's `postgres` user (Node sets uid/gid, so
  // signals reach the server itself).
  let user: { uid: number; gid: number } | undefined;
  if (process.getuid?.() === 0) {
    user = {
      uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()),
      gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim()),
    };
    chownSync(dir, user.uid, user.gid);
  }
  execFileSync(join(bin, 'initdb'), ['-D', join(dir, 'data'), '-U', 'postgres', '--auth=trust', '--no-sync'], { stdio: 'ignore', cwd: dir, ...user });
  const port = await freePort();
  const child: ChildProcess = spawn(join(bin, 'postgres'), ['-D', join(dir, 'data'), '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-k', dir], {
    stdio: ['ignore', 'ignore', 'pipe'],
    cwd: dir,
    ...user,
  });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-2000)));
  const started = Date.now();
  for (;;) {
    try {
      execFileSync(join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port), '-q']);
      break;
    } catch {
      if (child.exitCode !== null) throw new Error(`PostgreSQL exited before accepting connections: ${errors}`);
      if (Date.now() - started > 30_000) throw new Error(`PostgreSQL not ready within 30 s: ${errors}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  const version = execFileSync(join(bin, 'postgres'), ['--version'], { encoding: 'utf8' }).trim();
  const url = (database: string) => `postgresql://postgres@127.0.0.1:${port}/${database}`;
  return {
    connectionString: url('postgres'),
    freshDatabase(name) {
      execFileSync(join(bin, 'psql'), ['-q', '-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-c', `CREATE DATABASE "${name}"`], { stdio: 'ignore' });
      return url(name);
    },
    version,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGINT'); // fast shutdown
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
