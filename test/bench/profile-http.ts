/**
 * Profiles the API under the HTTP scenario's load: starts bench-server.ts, sets up the bench
 * program, profiles the main thread during the load only, stops the server, and prints the
 * functions with the most self time. Usage: node -r @swc-node/register test/bench/profile-http.ts [seconds] [outDir].
 * With C2G_PROFILE_THREADS=1 every thread (the projector too) is profiled with --cpu-prof from
 * start to exit instead, set-up included. The server's environment is passed on (OTEL_* etc.).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onLines, exited } from '../support/run-ts';
import { setUpPairings } from './bench-program';
import { runWorker } from './measure';
import { ADMIN } from './server-process';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] }

async function main(): Promise<void> {
  const seconds = Number(process.argv[2] ?? 10);
  const outDir = process.argv[3] ?? mkdtempSync(join(tmpdir(), 'c2g-prof-'));
  mkdirSync(outDir, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'c2g-prof-data-'));
  const allThreads = process.env.C2G_PROFILE_THREADS === '1';
  const child = spawn(process.execPath, [...(allThreads ? ['--cpu-prof', `--cpu-prof-dir=${outDir}`] : []), '-r', '@swc-node/register', 'test/bench/bench-server.ts'], {
    env: {
      ...process.env, C2G_DATA_DIR: dataDir, C2G_ADMIN_KEY: ADMIN, C2G_RATE_LIMIT_PER_MINUTE: '10000000', LOG_LEVEL: 'error', SWC_NODE_PROJECT: 'tsconfig.json',
      ...(allThreads ? {} : { C2G_BENCH_PROFILE: join(outDir, 'main.cpuprofile') }),
    },
  });
  child.stderr.on('data', (c: Buffer) => process.stderr.write(c));
  const url = await new Promise<string>((resolve) => onLines(child as never, (line) => line.startsWith('{"url"') && resolve(JSON.parse(line).url)));
  const post = (path: string, body: unknown, key: string) =>
    fetch(`${url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const { key } = (await (await post('/admin/api-keys', { role: 'service', label: 'bench' }, ADMIN)).json()) as { key: string };
  // The program's 25 pairings, so needs spread over communities as they do in the field.
  await setUpPairings(post, key);
  const marks: string[] = [];
  onLines(child as never, (line) => marks.push(line));
  const mark = async (what: string) => {
    if (allThreads) return;
    child.stdin.write(`${what}\n`);
    while (!marks.some((line) => line.includes(what === 'start' ? 'profiling' : 'profiled'))) await new Promise((r) => setTimeout(r, 50));
  };
  await mark('start');
  const result = await runWorker<{ requestsPerSecond: number; p99: number; non2xx: number }>('test/bench/load-client.ts', [`${url}/needs`, String(seconds), '64', JSON.stringify({ authorization: `Bearer ${key}` }), '0']);
  process.stdout.write(`${JSON.stringify(result)}\n`);
  await mark('stop');
  child.kill('SIGTERM');
  await exited(child as never);
  for (const file of readdirSync(outDir).filter((f) => f.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(readFileSync(join(outDir, file), 'utf8')) as { nodes: ProfileNode[] };
    const self = new Map<string, number>();
    const byFile = new Map<string, number>();
    let total = 0;
    for (const node of profile.nodes) {
      const hits = node.hitCount ?? 0;
      total += hits;
      const where = node.callFrame.url.replace(/^.*\/main\//, '').replace(/^file:\/\//, '');
      const name = `${node.callFrame.functionName || '(anon)'} ${where}:${node.callFrame.lineNumber}`;
      self.set(name, (self.get(name) ?? 0) + hits);
      const bucket = where.includes('node_modules/') ? where.replace(/^.*node_modules\/((@[^/]+\/)?[^/]+).*$/, '$1') : where || node.callFrame.functionName;
      byFile.set(bucket, (byFile.get(bucket) ?? 0) + hits);
    }
    process.stdout.write(`\n${file}: ${total} samples\n`);
    for (const [name, hits] of [...byFile].sort((a, b) => b[1] - a[1]).slice(0, 30)) process.stdout.write(`  ${((hits / total) * 100).toFixed(1).padStart(5)}%  ${name}\n`);
    process.stdout.write('  -- functions --\n');
    for (const [name, hits] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) process.stdout.write(`  ${((hits / total) * 100).toFixed(1).padStart(5)}%  ${name}\n`);
  }
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
