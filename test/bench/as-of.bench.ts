import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { benchLog, replayLogSize } from './bench-log';
import { median } from './measure';
import { fullReplay } from './replay.bench';
import { startServer } from './server-process';

/**
 * As-of on the replay scenario's log (a million events; 50,000 with --quick): the time of an
 * HTTP `GET /reports/funding?asOf=<position>` answer at mid-log positions vs the time of a full
 * replay of the same log (the replay scenario's, same run), at positions spread over the middle
 * tenth of the log. The server runs in its own process on
 * that log with fresh read models, and answers only once it is ready (every read model at the
 * head: whatever it builds for as-of while catching up, it has built). Each trial asks for a
 * different position, so an answer cannot be a cached earlier one; whatever the
 * API does for `?asOf=` when the bench runs is what is timed.
 */
export async function asOfScenario(quick: boolean) {
  const trials = quick ? 3 : 5;
  const { dir, head } = await benchLog(replayLogSize(quick));
  const replay = await fullReplay(dir);
  // The server builds its own read models (and whatever it keeps for as-of) from the log.
  rmSync(join(dir, 'read-models'), { recursive: true, force: true });
  const server = await startServer(dir);
  try {
    const readySeconds = await server.ready(60 * 60_000);
    const analyst = await server.key('analyst', 'bench-as-of');
    // Positions spread over the middle tenth of the log, off any round number, so that they fall
    // at different distances from whatever snapshots the server keeps.
    const positions = Array.from({ length: trials }, (_, k) => (head * 45n) / 100n + (head * BigInt(k)) / BigInt(10 * trials) + 4_321n);
    const times: number[] = [];
    for (const position of positions) {
      const started = process.hrtime.bigint();
      const response = await fetch(`${server.url}/reports/funding?asOf=${position}`, { headers: { authorization: `Bearer ${analyst}` } });
      const body = (await response.json()) as { position?: string };
      times.push(Number(process.hrtime.bigint() - started) / 1e9);
      if (response.status !== 200 || body.position !== String(position)) {
        throw new Error(`as-of ${position} answered ${response.status} at position ${body.position}: ${JSON.stringify(body).slice(0, 300)}`);
      }
    }
    const asOf = median(times);
    return {
      name: `as-of at mid-log on ${head.toLocaleString('en')} events vs a full replay (server: ${server.setup})`,
      rows: [
        ['full replay (all read models, same log)', `${replay.seconds.toFixed(1)} s`],
        [`GET /reports/funding?asOf=${positions[0]}…${positions[positions.length - 1]}`, `median ${(asOf * 1000).toFixed(0)} ms over ${trials} positions (min ${(Math.min(...times) * 1000).toFixed(0)}, max ${(Math.max(...times) * 1000).toFixed(0)} ms)`],
        ['server start to GET /ready 200', `${readySeconds.toFixed(1)} s`],
      ],
      ratio: { key: 'asOfRatio', value: asOf / replay.seconds, target: '≤ 0.05' },
    };
  } finally {
    await server.stop();
  }
}
