import { existsSync, readFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { makeTempDir } from '../support/temp-dir';
import { median, runWorker } from './measure';
import { setUpPairings } from './bench-program';
import { BenchServer, startServer } from './server-process';

const CONNECTIONS = 64;

interface Load {
  requestsPerSecond: number;
  p99: number;
  non2xx: number;
  sent: number;
  /** Server CPU per command (ms), all threads, until its read models caught up. */
  cpuMs?: number;
}

/** A stand-in OTLP/HTTP collector: takes every POST /v1/traces, counts the bytes, answers 200. */
async function startCollector(): Promise<{ url: string; bytes: () => number; server: Server }> {
  let bytes = 0;
  const server = createServer((request, response) => {
    request.on('data', (chunk: Buffer) => (bytes += chunk.length));
    request.on('end', () => response.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, bytes: () => bytes, server };
}

/** CPU seconds the server process has used, all threads (Linux /proc; undefined elsewhere). */
function cpuSeconds(pid: number): number | undefined {
  const file = `/proc/${pid}/stat`;
  if (!existsSync(file)) return undefined;
  const fields = readFileSync(file, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks of 1/100 s
}

/** Scrapes GET /metrics once a second, as Prometheus would, for as long as `running()` says. */
async function scrapeEverySecond(server: BenchServer, key: string, running: () => boolean): Promise<number> {
  let scrapes = 0;
  while (running()) {
    const response = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${key}` } });
    if (response.status !== 200) throw new Error(`GET /metrics answered ${response.status}`);
    await response.text();
    scrapes += 1;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return scrapes;
}

/**
 * What watching c2g costs (issue 21): the HTTP scenario's POST /needs load against three servers
 * in processes of their own, one with tracing off (the default; metrics are always kept), one
 * with traces exported over OTLP/HTTP to a local stand-in collector and /metrics scraped every
 * second, one the same with one trace in ten sampled (the SDK's OTEL_TRACES_SAMPLER variables).
 * Each server gets a warm-up round first (not counted: the JIT and the caches), then rounds
 * alternate; every round sends each server the same number of needs, so that all three hold the
 * same data when compared (a server that ran faster would otherwise be measured later on a
 * larger store). The ratio is the median over rounds of (throughput with every trace kept /
 * without) in the same round; the order of the three turns each round. Also
 * reported: the server's CPU time per command, all threads, including its projector catching up.
 */
export async function observabilityScenario(quick: boolean) {
  const requests = quick ? 2_500 : 8_000;
  const rounds = quick ? 3 : 5;
  const collector = await startCollector();
  const plainDir = makeTempDir('c2g-bench-obs-off-');
  const tracedDir = makeTempDir('c2g-bench-obs-on-');
  const sampledDir = makeTempDir('c2g-bench-obs-sampled-');
  const plain = await startServer(plainDir.dir, { OTEL_TRACES_EXPORTER: 'none' });
  const traced = await startServer(tracedDir.dir, { OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_TRACES_EXPORTER: 'otlp' });
  // The SDK's standard sampler variables: one trace in ten kept, whole (children follow the root's decision).
  const sampled = await startServer(sampledDir.dir, {
    OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
    OTEL_TRACES_EXPORTER: 'otlp',
    OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
    OTEL_TRACES_SAMPLER_ARG: '0.1',
  });
  try {
    const keys = new Map<BenchServer, { service: string; operator: string; next: number }>();
    for (const server of [plain, traced, sampled]) {
      const service = await server.key('service', 'bench-services');
      const operator = await server.key('operator', 'bench-prometheus');
      await setUpPairings(server.post, service);
      await server.ready(60_000);
      keys.set(server, { service, operator, next: 0 });
    }
    const load = async (server: BenchServer, scrape: boolean) => {
      const k = keys.get(server)!;
      let running = true;
      const scraping = scrape ? scrapeEverySecond(server, k.operator, () => running) : Promise.resolve(0);
      const cpuBefore = cpuSeconds(server.pid);
      const result = await runWorker<Omit<Load, 'cpuMs'>>('test/bench/load-client.ts', [
        `${server.url}/needs`, '600', String(CONNECTIONS), JSON.stringify({ authorization: `Bearer ${k.service}` }), String(k.next), String(requests),
      ]);
      running = false;
      await scraping;
      // The read models finish their backlog before the next server is loaded (and its CPU is counted).
      await server.ready(10 * 60_000);
      const cpuAfter = cpuSeconds(server.pid);
      const cpuMs = cpuBefore === undefined || cpuAfter === undefined ? undefined : ((cpuAfter - cpuBefore) * 1000) / (result.sent - k.next);
      k.next = result.sent;
      return { ...result, cpuMs };
    };
    for (const server of [plain, traced, sampled]) await load(server, server !== plain);
    const off: Load[] = [];
    const on: Load[] = [];
    const onSampled: Load[] = [];
    // The order turns each round (off, on, sampled; on, sampled, off; …) so that none is always
    // measured right after another's load (its exports, WAL checkpoints, snapshots settling).
    const lanes: [BenchServer, Load[]][] = [[plain, off], [traced, on], [sampled, onSampled]];
    for (let round = 0; round < rounds; round += 1) {
      for (let i = 0; i < lanes.length; i += 1) {
        const [server, loads] = lanes[(round + i) % lanes.length];
        loads.push(await load(server, server !== plain));
      }
    }
    // Each round's ratio compares loads made minutes apart on stores of the same size; their
    // median is steadier than the ratio of the medians when the machine's speed drifts.
    const pairedRatio = (subject: Load[]) => median(subject.map((l, round) => l.requestsPerSecond / off[round].requestsPerSecond));
    const summary = (loads: Load[]) => ({
      throughput: median(loads.map((l) => l.requestsPerSecond)),
      p99: median(loads.map((l) => l.p99)),
      non2xx: loads.reduce((sum, l) => sum + l.non2xx, 0),
      cpuMs: loads.every((l) => l.cpuMs !== undefined) ? median(loads.map((l) => l.cpuMs!)) : undefined,
      each: loads.map((l) => Math.round(l.requestsPerSecond)).join(', '),
    });
    const [without, withObservability, withSampling] = [summary(off), summary(on), summary(onSampled)];
    const row = (s: typeof without) =>
      `${Math.round(s.throughput)} req/s (rounds: ${s.each}), p99 ${s.p99} ms, non-2xx ${s.non2xx}${s.cpuMs === undefined ? '' : `, server CPU ${s.cpuMs.toFixed(2)} ms/command`}`;
    if (collector.bytes() === 0) throw new Error('the traced server exported no spans to the collector');
    return {
      name: `commands over HTTP, tracing and metrics off vs on (${CONNECTIONS} connections, ${requests.toLocaleString('en')} needs per server per round, ${rounds} rounds after a warm-up; ${plain.setup})`,
      rows: [
        ['POST /needs, tracing off', row(without)],
        ['POST /needs, OTLP traces + /metrics scraped 1/s', row(withObservability)],
        ['POST /needs, the same with 10 % of traces sampled', row(withSampling)],
        ['  ratios to tracing off', `every trace: ${pairedRatio(on).toFixed(2)} (median of the rounds' ratios; ratio of the medians ${(withObservability.throughput / without.throughput).toFixed(2)}); 10 % sampled: ${pairedRatio(onSampled).toFixed(2)} (${(withSampling.throughput / without.throughput).toFixed(2)})`],
        ['  spans exported to the collector', `${(collector.bytes() / 1e6).toFixed(1)} MB of OTLP/HTTP`],
      ],
      ratio: { key: 'observabilityOverheadRatio', value: pairedRatio(on), target: '≥ 0.9' },
    };
  } finally {
    await Promise.all([plain.stop(), traced.stop(), sampled.stop()]);
    collector.server.close();
    plainDir.remove();
    tracedDir.remove();
    sampledDir.remove();
  }
}
