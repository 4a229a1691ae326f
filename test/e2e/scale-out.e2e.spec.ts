import { startEventStoreDbDouble, EventStoreDbDouble } from '../eventstoredb-double/eventstoredb-double';
import { ApiProcess, startApiProcess } from '../support/api-process';
import { boston, kfarAza, kfarAzaBoston } from '../support/program-fixtures';
import { makeTempDir } from '../support/temp-dir';

const ADMIN_KEY = 'scale-out-admin-key-0123456789';

/** Two API nodes on one EventStoreDB (the wire double stands in for the cluster), each with its own data directory. */
describe('two API processes on one EventStoreDB', () => {
  let server: EventStoreDbDouble;
  let nodes: ApiProcess[] = [];
  const temps = [makeTempDir('c2g-node-a-'), makeTempDir('c2g-node-b-')];

  beforeAll(async () => {
    server = await startEventStoreDbDouble();
    nodes = await Promise.all(
      temps.map((temp) =>
        startApiProcess({ C2G_DATA_DIR: temp.dir, C2G_ADMIN_KEY: ADMIN_KEY, EVENTSTORE_CONNECTION_STRING: server.connectionString }),
      ),
    );
  }, 60_000);

  afterAll(async () => {
    await Promise.all(nodes.map((node) => node.stop()));
    await server.stop();
    for (const temp of temps) temp.remove();
  });

  it('shows a command taken by one node in the read models of the other, and lets the other decide on it', async () => {
    const [a, b] = await Promise.all(nodes.map((node) => client(node.url)));
    const registered = await a.post('/communities', kfarAza);
    expect(registered.status).toBe(201);

    const seenOnB = await b.get(`/communities?minPosition=${registered.body.position}`);
    expect(seenOnB.status).toBe(200);
    expect(seenOnB.body.items).toEqual([expect.objectContaining({ id: kfarAza.id, name: kfarAza.name })]);

    expect((await b.post('/communities', boston)).status).toBe(201);
    const paired = await b.post('/pairings', kfarAzaBoston);
    expect(paired.status).toBe(201);
    const again = await a.post('/pairings', { ...kfarAzaBoston, id: 'kfar-aza-elsewhere' });
    expect(again).toMatchObject({ status: 422, body: { code: 'community-already-paired' } });

    const onA = await a.get(`/pairings/${kfarAzaBoston.id}?minPosition=${paired.body.position}`);
    expect(onA.body).toMatchObject({ id: kfarAzaBoston.id, israeliCommunityId: kfarAza.id });
  }, 60_000);
});

/** A service and an analyst key issued on that node (keys live in each node's own access database). */
async function client(url: string) {
  const issue = async (role: string) => {
    const response = await fetch(`${url}/admin/api-keys`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ role, label: `scale-out-${role}` }),
    });
    return ((await response.json()) as { key: string }).key;
  };
  const [service, analyst] = [await issue('service'), await issue('analyst')];
  const call = async (method: string, path: string, key: string, body?: unknown) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: response.status, body: (await response.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  return {
    post: (path: string, body: unknown) => call('POST', path, service, body),
    get: (path: string) => call('GET', path, analyst),
  };
}
