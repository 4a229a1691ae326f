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
 * What watching c2g costs (issue 21): the HTTP scenario's POST /needs load against two servers
 * in processes of their own, one with tracing off (the default; metrics are always kept), one
 * with traces exported over OTLP/HTTP to a local stand-in collector and /metrics scraped every
 * second, one the same with one trace in ten sampled (the SDK's OTEL_TRACES_SAMPLER variables).
 * Rounds alternate; the ratio is the median throughput with every trace kept / without.
 */
export async function observabilityScenario(quick: boolean) {
  const seconds = quick ? 3 : 10;
  const rounds = quick ? 2 : 3;
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
      const result = await runWorker<Load>('test/bench/load-client.ts', [
        `${server.url}/needs`, String(seconds), String(CONNECTIONS), JSON.stringify({ authorization: `Bearer ${k.service}` }), String(k.next),
      ]);
      running = false;
      await scraping;
      k.next = result.sent;
      // Both servers' read models finish their backlog before the other one is loaded.
      await server.ready(10 * 60_000);
      return result;
    };
    const off: Load[] = [];
    const on: Load[] = [];
    const onSampled: Load[] = [];
    for (let round = 0; round < rounds; round += 1) {
      off.push(await load(plain, false));
      on.push(await load(traced, true));
      onSampled.push(await load(sampled, true));
    }
    const summary = (loads: Load[]) => ({
      throughput: median(loads.map((l) => l.requestsPerSecond)),
      p99: median(loads.map((l) => l.p99)),
      non2xx: loads.reduce((sum, l) => sum + l.non2xx, 0),
    });
    const [without, withObservability, withSampling] = [summary(off), summary(on), summary(onSampled)];
    const row = (s: typeof without) => `${Math.round(s.throughput)} req/s, p99 ${s.p99} ms, non-2xx ${s.non2xx}`;
    if (collector.bytes() === 0) throw new Error('the traced server exported no spans to the collector');
    return {
      name: `commands over HTTP, tracing and metrics off vs on (${CONNECTIONS} connections; ${plain.setup})`,
      rows: [
        ['POST /needs, tracing off', row(without)],
        ['POST /needs, OTLP traces + /metrics scraped 1/s', row(withObservability)],
        ['POST /needs, the same with 10 % of traces sampled', `${row(withSampling)}; ratio ${(withSampling.throughput / without.throughput).toFixed(2)}`],
        ['  spans exported to the collector', `${(collector.bytes() / 1e6).toFixed(1)} MB of OTLP/HTTP`],
      ],
      ratio: { key: 'observabilityOverheadRatio', value: withObservability.throughput / without.throughput, target: '≥ 0.9' },
    };
  } finally {
    await Promise.all([plain.stop(), traced.stop(), sampled.stop()]);
    collector.server.close();
    plainDir.remove();
    tracedDir.remove();
    sampledDir.remove();
  }
}
