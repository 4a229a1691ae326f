import autocannon from 'autocannon';
import Fastify from 'fastify';
import { loadAppConfig } from '../../apps/api/src/config/app-config';
import { createApp } from '../../apps/api/src/create-app';
import { makeTempDir } from '../support/temp-dir';
import { boston, kfarAza, kfarAzaBoston } from '../support/program-fixtures';
import { alternate } from './measure';

const CONNECTIONS = 64;
const ADMIN = 'bench-admin-key-0123456789abcdef';

const SECTORS = ['housing', 'education', 'employment', 'agriculture', 'infrastructure', 'security', 'welfare', 'culture-and-youth'];

/** Needs spread over sectors and months (as a real program's are), so the detector's buckets stay realistic. */
const needBody = (n: number) => {
  const month = n % 120;
  const from = `${2025 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-01`;
  return JSON.stringify({
    id: `bench-${n}`, pairingId: 'kfar-aza-boston', title: `Need number ${n} of the joint team`, description: '',
    sector: SECTORS[n % SECTORS.length], horizon: 'short-term', estimatedCost: { amount: 3_600_000, currency: 'USD' },
    window: { from, to: from.replace(/-01$/, '-28') }, quantity: 120,
  });
};

interface Load {
  requestsPerSecond: number;
  p99: number;
  non2xx: number;
}

/** 64 connections for `seconds`, each request a fresh body (unique need ids). */
async function load(url: string, seconds: number, headers: Record<string, string>, counter: { n: number }): Promise<Load> {
  const result = await autocannon({
    url: `${url}/needs`,
    connections: CONNECTIONS,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    requests: [{ setupRequest: (request) => ({ ...request, body: needBody(counter.n++) }) }],
  });
  return { requestsPerSecond: result.requests.average, p99: result.latency.p99, non2xx: result.non2xx };
}

/** c2g's POST /needs (validation, auth, rate limit, command handler, group commit with fsync) vs a bare Fastify JSON echo. */
export async function httpCommandScenario(quick: boolean) {
  const seconds = quick ? 3 : 10;
  const echo = Fastify();
  echo.post('/needs', async (request) => request.body);
  const echoUrl = await echo.listen({ port: 0, host: '127.0.0.1' });

  const temp = makeTempDir('c2g-bench-');
  const { app } = await createApp(loadAppConfig({ C2G_DATA_DIR: temp.dir, LOG_LEVEL: 'error', C2G_ADMIN_KEY: ADMIN, C2G_RATE_LIMIT_PER_MINUTE: '10000000' }));
  await app.listen(0, '127.0.0.1');
  const c2gUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const post = async (path: string, body: unknown, key: string) =>
    fetch(`${c2gUrl}${path}`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const { key } = (await (await post('/admin/api-keys', { role: 'service', label: 'bench' }, ADMIN)).json()) as { key: string };
  for (const [path, body] of [['/communities', kfarAza], ['/communities', boston], ['/pairings', kfarAzaBoston]] as const) await post(path, body, key);

  const counter = { n: 0 };
  let echoLoad: Load | undefined;
  let c2gLoad: Load | undefined;
  const medians = await alternate(
    quick ? 2 : 3,
    async () => (echoLoad = await load(echoUrl, seconds, {}, counter)).requestsPerSecond,
    async () => (c2gLoad = await load(c2gUrl, seconds, { authorization: `Bearer ${key}` }, counter)).requestsPerSecond,
  );
  await echo.close();
  await app.close();
  temp.remove();
  return {
    name: `commands over HTTP, ${CONNECTIONS} connections`,
    rows: [
      ['bare Fastify JSON echo', `${Math.round(medians.baseline)} req/s, p99 ${echoLoad!.p99} ms`],
      ['c2g POST /needs', `${Math.round(medians.subject)} req/s, p99 ${c2gLoad!.p99} ms, non-2xx ${c2gLoad!.non2xx}`],
    ],
    ratio: { key: 'httpCommandRatio', value: medians.subject / medians.baseline, target: '≥ 0.5' },
  };
}
