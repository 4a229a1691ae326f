/**
 * Profiles a replay like the replay scenario's: fills a log of N events (default 50,000), runs
 * test/bench/replay-worker.ts on it with --cpu-prof, and prints the share of time per read
 * model and per kind of work. Usage: node -r @swc-node/register test/bench/profile-replay.ts [events] [outDir]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '../support/temp-dir';
import { fillStore } from './bench-log';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string }; hitCount?: number; children?: number[] }

async function main(): Promise<void> {
  const events = Number(process.argv[2] ?? 50_000);
  const outDir = process.argv[3] ?? '/tmp/c2g-replay-profile';
  mkdirSync(outDir, { recursive: true });
  const temp = makeTempDir('c2g-prof-replay-');
  await fillStore(join(temp.dir, 'events.sqlite'), events);
  const run = spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${outDir}`, '-r', '@swc-node/register', 'test/bench/replay-worker.ts', temp.dir], {
    env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.json' },
    encoding: 'utf8',
  });
  temp.remove();
  if (run.status !== 0) throw new Error(run.stderr);
  process.stdout.write(`${run.stdout}\n`);
  const file = readdirSync(outDir).filter((f) => f.endsWith('.cpuprofile')).sort().pop()!;
  const profile = JSON.parse(readFileSync(join(outDir, file), 'utf8')) as { nodes: ProfileNode[] };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const shares = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    if (!hits) continue;
    total += hits;
    let where = node.callFrame.functionName === '(garbage collector)' ? 'garbage collection' : node.callFrame.functionName === '(idle)' ? 'idle' : '';
    for (let at: number | undefined = node.id; at !== undefined && !where; at = parent.get(at)) {
      const url = byId.get(at)!.callFrame.url;
      const model = /projections\/src\/([^/]+)\/[^/]+\.projection\.ts/.exec(url)?.[1];
      if (model) where = `read model ${model} (its SQL and code)`;
      else if (/projection-slot\.ts/.test(url)) where = 'transactions and checkpoints (projection slot)';
      else if (/sqlite-event-(store|rows)\.ts/.test(url)) where = 'reading and parsing the log';
    }
    where ||= 'runner and the rest (start-up, module loading)';
    shares.set(where, (shares.get(where) ?? 0) + hits);
  }
  for (const [where, hits] of [...shares].sort((a, b) => b[1] - a[1])) process.stdout.write(`${((hits / total) * 100).toFixed(1).padStart(5)}%  ${where}\n`);
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
