import { join } from 'node:path';
import { makeTempDir } from '../support/temp-dir';
import { median, runWorker } from './measure';
import { fillStore } from './bench-log';
import { HISTORY_PREFIX, setUpPairings } from './bench-program';
import { startServer } from './server-process';

const CONNECTIONS = 64;
const LIST_READERS = 2;
const AS_OF_READERS = 2;

interface Load {
  requestsPerSecond: number;
  p99: number;
  non2xx: number;
  sent: number;
}

interface ReadTally {
  count: number;
  p50: number;
  p99: number;
  max: number;
  non2xx: number;
}

/**
 * Services and analysts at once: the HTTP scenario's 64 connections sending `POST /needs`, with
 * and without analysts reading at the same time (two list readers and two as-of readers, one
 * request at a time each, as-of positions drawn around the middle of a program's log filled
 * beforehand). The server runs in its own process on that log, the load generator and the
 * readers in theirs; rounds alternate without and with readers, each after the read models
 * reached the log head. Reported: command throughput and p99 both ways and their p99 ratio.
 */
export async function mixedScenario(quick: boolean) {
  const seconds = quick ? 3 : 10;
  const rounds = quick ? 2 : 3;
  const temp = makeTempDir('c2g-bench-mixed-');
  // The program's earlier history (pairings with hundreds of pledges, disbursements and needs)
  // for the analysts; the services write to 25 new pairings, as in the HTTP scenario.
  const seeded = await fillStore(join(temp.dir, 'events.sqlite'), quick ? 20_000 : 100_000, HISTORY_PREFIX);
  const [asOfFrom, asOfTo] = [(seeded * 45n) / 100n, (seeded * 55n) / 100n];
  const server = await startServer(temp.dir);
  try {
    const startup = await server.ready(10 * 60_000);
    const service = await server.key('service', 'bench-services');
    const analyst = await server.key('analyst', 'bench-analysts');
    await setUpPairings(server.post, service);
    await server.ready(10 * 60_000);
    let next = 0;
    const load = async () => {
      const result = await runWorker<Load>('test/bench/load-client.ts', [
        `${server.url}/needs`, String(seconds), String(CONNECTIONS), JSON.stringify({ authorization: `Bearer ${service}` }), String(next),
      ]);
      next = result.sent;
      return result;
    };
    const alone: Load[] = [];
    const withReaders: Load[] = [];
    const reads: { list: ReadTally; asOf: ReadTally }[] = [];
    for (let round = 0; round < rounds; round += 1) {
      alone.push(await load());
      await server.ready(10 * 60_000);
      // The readers run a second longer than the load so that they cover its whole window.
      const readers = runWorker<{ list: ReadTally; asOf: ReadTally }>('test/bench/read-client.ts', [
        server.url, String(seconds + 1), analyst, String(LIST_READERS), String(AS_OF_READERS), String(asOfFrom), String(asOfTo),
      ]);
      withReaders.push(await load());
      reads.push(await readers);
      await server.ready(10 * 60_000);
    }
    const summary = (loads: Load[]) => ({
      throughput: median(loads.map((l) => l.requestsPerSecond)),
      p99: median(loads.map((l) => l.p99)),
      non2xx: loads.reduce((sum, l) => sum + l.non2xx, 0),
    });
    const [without, mixed] = [summary(alone), summary(withReaders)];
    const readRow = (kind: 'list' | 'asOf') => {
      const count = reads.reduce((sum, r) => sum + r[kind].count, 0);
      const non2xx = reads.reduce((sum, r) => sum + r[kind].non2xx, 0);
      return `${(count / (rounds * (seconds + 1))).toFixed(1)} answers/s, p50 ${median(reads.map((r) => r[kind].p50))} ms, p99 ${median(reads.map((r) => r[kind].p99))} ms, max ${Math.max(...reads.map((r) => r[kind].max))} ms, non-2xx ${non2xx}`;
    };
    const row = (s: typeof without) => `${Math.round(s.throughput)} req/s, p99 ${s.p99} ms, non-2xx ${s.non2xx}`;
    return {
      name: `commands over HTTP with and without analysts reading (${CONNECTIONS} connections; ${LIST_READERS} list + ${AS_OF_READERS} as-of readers; log of ${seeded.toLocaleString('en')} events, server ready in ${startup.toFixed(1)} s; ${server.setup})`,
      rows: [
        ['POST /needs alone', row(without)],
        ['POST /needs with readers', row(mixed)],
        ['  list reads (pages, live report)', readRow('list')],
        [`  as-of reads (positions ${asOfFrom}–${asOfTo})`, readRow('asOf')],
        ['throughput with / without readers', (mixed.throughput / without.throughput).toFixed(2)],
      ],
      ratio: { key: 'mixedCommandP99Ratio', value: mixed.p99 / without.p99, target: '≤ 2' },
    };
  } finally {
    await server.stop();
    temp.remove();
  }
}
