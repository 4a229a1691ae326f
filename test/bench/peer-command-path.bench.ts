import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, runWorker } from './measure';
import { startPostgres } from './postgres-server';

const PEER_DIR = join(__dirname, 'peer-emmett');
const POSTGRES_PEER_DIR = join(__dirname, 'peer-emmett-postgres');

interface PathResult {
  commandsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

/** The peer's packages live in their own folder (they pin commander 12 and build sqlite3): installed on first use. */
function ensurePeerInstalled(): void {
  if (existsSync(join(PEER_DIR, 'node_modules', '@event-driven-io', 'emmett-sqlite'))) return;
  process.stderr.write('installing the peer (@event-driven-io/emmett-sqlite, sqlite3 built from source) once, about 2 minutes…\n');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: PEER_DIR, stdio: ['ignore', 'ignore', 'inherit'] });
}

/** The PostgreSQL peer's packages, in their own folder too (Emmett 0.42 and pongo): installed on first use. */
function ensurePostgresPeerInstalled(): void {
  if (existsSync(join(POSTGRES_PEER_DIR, 'node_modules', '@event-driven-io', 'emmett-postgresql'))) return;
  process.stderr.write('installing the PostgreSQL peer (@event-driven-io/emmett-postgresql) once…\n');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: POSTGRES_PEER_DIR, stdio: ['ignore', 'ignore', 'inherit'] });
}

async function runPath(script: string, needsPerLane: number): Promise<PathResult> {
  const dir = mkdtempSync(join(tmpdir(), 'c2g-bench-path-'));
  try {
    return await runWorker<PathResult>(script, [dir, String(needsPerLane)]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const summary = (runs: PathResult[]) => ({
  throughput: median(runs.map((r) => r.commandsPerSecond)),
  p50: median(runs.map((r) => r.p50Ms)),
  p99: median(runs.map((r) => r.p99Ms)),
});
const row = (s: ReturnType<typeof summary>) => `${Math.round(s.throughput)} commands/s, p50 ${s.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms`;

/**
 * Scenario 2b: the same need command path against Emmett's PostgreSQL event store, which takes
 * concurrent commands (its SQLite store does not: scenario 2 queues them). PostgreSQL is
 * started by the bench from Debian's packages (fresh cluster, durable commits); c2g runs on its
 * embedded SQLite file as always. Rounds alternate.
 */
export async function peerPostgresCommandPathScenario(quick: boolean) {
  ensurePostgresPeerInstalled();
  const rounds = quick ? 3 : 5;
  const needsPerLane = quick ? 10 : 40;
  const postgres = await startPostgres();
  const [c2gRuns, peerRuns]: PathResult[][] = [[], []];
  try {
    for (let round = 0; round < rounds; round += 1) {
      const database = postgres.freshDatabase(`round_${round}`);
      peerRuns.push(await runWorker<PathResult>('test/bench/peer-emmett-postgres/emmett-postgres-command-path.ts', [database, String(needsPerLane)]));
      c2gRuns.push(await runPath('test/bench/command-path/c2g-command-path.ts', needsPerLane));
    }
  } finally {
    await postgres.stop();
  }
  const [c2g, peer] = [summary(c2gRuns), summary(peerRuns)];
  return {
    name: `need command path (read, decide, append), 64 concurrent lanes, durable commits; ${postgres.version}`,
    rows: [
      ['Emmett PostgreSQL store (CommandHandler)', row(peer)],
      ['c2g SqliteEventStore', row(c2g)],
    ],
    ratio: { key: 'peerPostgresCommandPathRatio', value: c2g.throughput / peer.throughput, target: '≥ 2 (as scenario 2)' },
  };
}

/** Scenario 2: the need command path (read, fold, decide, append) on c2g's store and on Emmett's SQLite store. */
export async function peerCommandPathScenario(quick: boolean) {
  ensurePeerInstalled();
  const rounds = quick ? 3 : 5;
  const [c2gRuns, peerRuns]: PathResult[][] = [[], []];
  for (let round = 0; round < rounds; round += 1) {
    peerRuns.push(await runPath('test/bench/peer-emmett/emmett-command-path.ts', quick ? 2 : 5));
    c2gRuns.push(await runPath('test/bench/command-path/c2g-command-path.ts', quick ? 20 : 100));
  }
  const [c2g, peer] = [summary(c2gRuns), summary(peerRuns)];
  return {
    name: 'need command path (read, decide, append), 64 concurrent lanes, WAL + fsync',
    rows: [
      ['Emmett SQLite store (CommandHandler)', row(peer)],
      ['c2g SqliteEventStore', row(c2g)],
    ],
    ratio: { key: 'peerCommandPathRatio', value: c2g.throughput / peer.throughput, target: '≥ 2' },
  };
}
