import Fastify from 'fastify';
import { loadAppConfig } from '../../apps/api/src/config/app-config';
import { createApp } from '../../apps/api/src/create-app';
import { EVENT_STORE } from '../../apps/api/src/event-store/event-store.module';
import { EventStore } from '../../libs/event-store/src';
import { PROJECTION_RUNNER } from '../../apps/api/src/read-models/projection-runner.token';
import { ProjectionRunner } from '../../projections/src';
import { makeTempDir } from '../support/temp-dir';
import { setUpPairings } from './bench-program';
import { alternate, runWorker } from './measure';

const CONNECTIONS = 64;
const ADMIN = 'bench-admin-key-0123456789abcdef';

interface Load {
  requestsPerSecond: number;
  p99: number;
  non2xx: number;
  sent: number;
}

/** 64 connections for `seconds` from a child process; `firstId` keeps need ids unique across runs. */
function load(url: string, seconds: number, headers: Record<string, string>, firstId: number): Promise<Load> {
  return runWorker<Load>('test/bench/load-client.ts', [`${url}/needs`, String(seconds), String(CONNECTIONS), JSON.stringify(headers), String(firstId)]);
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
  // The program's 25 pairings, so needs spread over communities as they do in the field.
  await setUpPairings(post, key);

  const runner = app.get<ProjectionRunner>(PROJECTION_RUNNER);
  const store = app.get<EventStore>(EVENT_STORE);
  let next = 0;
  let echoLoad: Load | undefined;
  let c2gLoad: Load | undefined;
  const medians = await alternate(
    quick ? 2 : 3,
    async () => (echoLoad = await load(echoUrl, seconds, {}, next)).requestsPerSecond,
    async () => {
      c2gLoad = await load(c2gUrl, seconds, { authorization: `Bearer ${key}` }, next);
      next = c2gLoad.sent;
      // The read models finish their backlog before the echo's next round shares this event loop.
      const names = runner.status().map((projection) => projection.name);
      if (!(await runner.waitFor(names, await store.headPosition(), 300_000))) throw new Error('read models did not catch up within 5 minutes');
      return c2gLoad.requestsPerSecond;
    },
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
    ratio: { key: 'httpCommandRatio', value: medians.subject / medians.baseline, target: '≥ 0.3 with p99 ≤ 50 ms (goal 0.5)' },
  };
}
