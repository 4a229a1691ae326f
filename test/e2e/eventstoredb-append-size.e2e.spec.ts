import { EventStoreDbDouble, startEventStoreDbDouble } from '../eventstoredb-double/eventstoredb-double';
import { apiClient } from '../support/api-client';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * EventStoreDB refuses an append larger than its MaxAppendSize, and every event carries chain
 * and actor metadata on top of what the request sent: a body within c2g's limit can still make
 * events that do not fit. Such a command gets 413 append-too-large and writes nothing. The
 * double's limit is set low here so that a valid request reaches it.
 */
describe('a command whose events do not fit one EventStoreDB append', () => {
  const LIMIT = 8 * 1024;
  let server: EventStoreDbDouble;
  const apps: TestApp[] = [];
  let exact: Awaited<ReturnType<typeof appWith>>;
  let defaults: Awaited<ReturnType<typeof appWith>>;

  const plan = (id: string, description: string) => ({
    id, source: 'regional-council', authority: "Sha'ar HaNegev Regional Council", externalRef: id.toUpperCase(), title: 'מזרונים למשפחות המפונות',
    description, sector: 'immediate-relief-goods', regionalCouncil: "Sha'ar HaNegev", window: { from: '2024-11-20', to: '2025-11-27' },
    budget: { amount: 6_250_000, currency: 'ILS' },
  });
  // 5000 Hebrew letters: 10 000 bytes of UTF-8, under the body limit, over the append limit.
  const long = 'מ'.repeat(5000);

  beforeAll(async () => {
    server = await startEventStoreDbDouble({ maxAppendSize: LIMIT });
    // One app told the cluster's limit, one left at the 1 MiB default.
    [exact, defaults] = await Promise.all([appWith({ EVENTSTORE_MAX_APPEND_SIZE: String(LIMIT) }), appWith({})]);
  }, 30_000);
  afterAll(async () => {
    for (const app of apps) await app.stop();
    await server.stop();
  });

  async function appWith(env: NodeJS.ProcessEnv) {
    const harness = await startTestApp({ EVENTSTORE_CONNECTION_STRING: server.connectionString, ...env });
    apps.push(harness);
    // Keys are events too: issue them before any head is taken.
    await harness.keyFor('service');
    await harness.keyFor('analyst');
    const api = apiClient(harness);
    const head = async () => (await harness.app.inject({ method: 'GET', url: '/ready' })).json().store.headPosition as string;
    return { api, head };
  }

  it('is refused with 413 append-too-large naming both sizes, before anything is sent, and writes nothing', async () => {
    const { api, head } = exact;
    expect((await api.post('/plans', plan('fits-1', 'short'))).status).toBe(201);
    const before = await head();
    const logged = server.log.all().length;
    const refused = await api.post('/plans', plan('too-big-1', long));
    expect(refused.status).toBe(413);
    expect(refused.body).toMatchObject({ error: 'payload-too-large', code: 'append-too-large' });
    // Only the adapter's own check knows the size; the server's refusal names only its limit.
    expect(refused.body.message).toMatch(new RegExp(`^the events for plan-too-big-1 would take \\d+ bytes, more than the ${LIMIT} bytes the event store accepts in one append$`));
    expect(Number(/take (\d+) bytes/.exec(refused.body.message)![1])).toBeGreaterThan(10_000);
    expect(await head()).toBe(before);
    expect(server.log.all()).toHaveLength(logged);
    expect((await api.get('/plans/too-big-1')).status).toBe(404);
  });

  it('maps the server’s own MaximumAppendSizeExceeded (a cluster set below EVENTSTORE_MAX_APPEND_SIZE) to the same 413', async () => {
    const { api, head } = defaults;
    const before = await head();
    const refused = await api.post('/plans', plan('too-big-2', long));
    expect(refused.status).toBe(413);
    expect(refused.body).toMatchObject({
      code: 'append-too-large',
      message: `the events for plan-too-big-2 would take more than the ${LIMIT} bytes the event store accepts in one append`,
    });
    expect(await head()).toBe(before);
  });
});
