import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { benchLog, replayLogSize } from './bench-log';
import { runWorker } from './measure';

// Kept here for scripts that import it from this module (e.g. backup.bench.ts).
export { fillStore } from './bench-log';

/** Raw scan: read every row and JSON.parse data and metadata — the floor any replay has to pay. */
function rawScan(file: string): number {
  const db = new Database(file, { readonly: true });
  const started = process.hrtime.bigint();
  let count = 0;
  for (const row of db.prepare('SELECT data, metadata FROM events ORDER BY position').iterate() as Iterable<{ data: string; metadata: string }>) {
    JSON.parse(row.data);
    JSON.parse(row.metadata);
    count += 1;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  db.close();
  return count / seconds;
}


export interface ReplayResult {
  events: number;
  seconds: number;
  eventsPerSecond: number;
  peakRssMb: number;
}

const replays = new Map<string, Promise<ReplayResult>>();

/**
 * Every event of the log in `dir` through every projection into fresh read-model files
 * (dir/read-models), in a child process to read its peak RSS; once per log and bench run (the
 * as-of scenario compares with the same replay).
 */
export function fullReplay(dir: string): Promise<ReplayResult> {
  let replay = replays.get(dir);
  if (!replay) {
    rmSync(join(dir, 'read-models'), { recursive: true, force: true });
    replay = runWorker<ReplayResult>('test/bench/replay-worker.ts', [dir]);
    replays.set(dir, replay);
  }
  return replay;
}

export async function replayScenario(quick: boolean) {
  const { dir, head } = await benchLog(replayLogSize(quick));
  const raw = rawScan(join(dir, 'events.sqlite'));
  const replay = await fullReplay(dir);
  return {
    name: `replay of ${head.toLocaleString('en')} events into all read models`,
    rows: [
      ['raw read-and-JSON.parse scan', `${Math.round(raw)} events/s`],
      ['c2g replay (ProjectionRunner)', `${Math.round(replay.eventsPerSecond)} events/s (${replay.seconds.toFixed(1)} s), peak RSS ${replay.peakRssMb} MB (target ≤ 512)`],
    ],
    ratio: { key: 'replayRatio', value: replay.eventsPerSecond / raw, target: '≥ 0.3' },
  };
}
