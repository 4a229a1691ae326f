import { startEventStoreDbDouble, EventStoreDbDouble } from '../eventstoredb-double/eventstoredb-double';
import { ApiProcess, startApiProcess } from '../support/api-process';
import { boston, kfarAza, kfarAzaBoston } from '../support/program-fixtures';
import { makeTempDir } from '../support/temp-dir';

type Answer = { status: number; body: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Three API nodes on one EventStoreDB (the wire double stands in for the cluster), each with
 * its own data directory (read models only), requests spread across them as a load balancer
 * would: everything a node needs (events, API keys, sealed personal data, data keys) is in
 * the store, so no request needs to reach a particular node.
 */
jest.setTimeout(30_000);

describe('three API processes on one EventStoreDB', () => {
  let server: EventStoreDbDouble;
  let nodes: ApiProcess[] = [];
  const temps = ['a', 'b', 'c'].map((name) => makeTempDir(`c2g-node-${name}-`));
  const keys: Record<string, string> = {};
  let admin = '';

  const call = async (node: ApiProcess, method: string, path: string, key: string, body?: unknown): Promise<Answer> => {
    const response = await fetch(`${node.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: response.status, body: await response.json() };
  };
  /** Polls until `done` holds (the projection lag), returning how long it took. */
  const within = async (what: string, check: () => Promise<boolean>, limitMs = 10_000): Promise<number> => {
    const started = performance.now();
    while (!(await check())) {
      if (performance.now() - started > limitMs) throw new Error(`${what}: not within ${limitMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return performance.now() - started;
  };
  const lags: Record<string, number[]> = { issued: [], revoked: [] };

  beforeAll(async () => {
    server = await startEventStoreDbDouble();
    // No C2G_ADMIN_KEY: the first node's first start makes the admin key; the others find it.
    const env = (i: number) => ({ C2G_DATA_DIR: temps[i].dir, EVENTSTORE_CONNECTION_STRING: server.connectionString });
    const first = await startApiProcess(env(0));
    nodes = [first, ...(await Promise.all([1, 2].map((i) => startApiProcess(env(i)))))];
    await within('first node printed its admin key', async () => /Admin API key[^\n]*\n\s+(\S+)/.test(first.output()));
    admin = /Admin API key[^\n]*\n\s+(\S+)/.exec(first.output())![1];
    // A balancer sends requests to ready nodes only: a node's keys are those its read models have caught up to.
    for (const node of nodes) await within('node ready', async () => (await fetch(`${node.url}/ready`)).status === 200, 30_000);
  }, 60_000);

  afterAll(async () => {
    if (process.env.C2G_PRINT_LAG) process.stdout.write(`projection lag (ms): ${JSON.stringify(lags)}\n`);
    await Promise.all(nodes.map((node) => node.stop()));
    await server.stop();
    for (const temp of temps) temp.remove();
  });

  it('has one admin key, made by the first start of the first node, working on every node', async () => {
    const [a, b, c] = nodes;
    expect(b.output()).not.toMatch(/Admin API key/);
    expect(c.output()).not.toMatch(/Admin API key/);
    for (const [node, role] of [[c, 'service'], [b, 'analyst'], [a, 'auditor']] as const) {
      const issued = await call(node, 'POST', '/admin/api-keys', admin, { role, label: `scale-out-${role}` });
      expect(issued.status).toBe(201);
      keys[role] = issued.body.key;
    }
  });

  it('takes a key issued through one node on the others once their read models have it, and refuses it on all after a revocation through another', async () => {
    const [a, b, c] = nodes;
    for (let round = 0; round < 3; round += 1) {
      const issued = await call(a, 'POST', '/admin/api-keys', admin, { role: 'analyst', label: `roaming-${round}` });
      // Read-your-writes on the issuing node: the very next request there is accepted.
      expect((await call(a, 'GET', '/communities', issued.body.key)).status).toBe(200);
      for (const other of [b, c]) lags.issued.push(await within('issued key accepted', async () => (await call(other, 'GET', '/communities', issued.body.key)).status === 200));
      const revoked = await call(c, 'POST', `/admin/api-keys/${issued.body.keyId}/revocation`, admin);
      expect(revoked.status).toBe(200);
      expect((await call(c, 'GET', '/communities', issued.body.key)).body).toMatchObject({ code: 'api-key-invalid' });
      for (const other of [a, b]) lags.revoked.push(await within('revoked key refused', async () => (await call(other, 'GET', '/communities', issued.body.key)).status === 401));
    }
    // Every node works from the same access stream: the keys of the first test, issued on c, b and a, work everywhere.
    for (const node of nodes) {
      await within('keys known', async () => (await call(node, 'GET', '/communities', keys.analyst)).status === 200);
      expect((await call(node, 'GET', '/audit/verify', keys.auditor)).status).toBe(200);
    }
  });

  it('lets exactly one of three nodes racing to pair the same community win', async () => {
    const [a, b, c] = nodes;
    expect((await call(a, 'POST', '/communities', keys.service, kfarAza)).status).toBe(201);
    expect((await call(b, 'POST', '/communities', keys.service, boston)).status).toBe(201);
    const race = await Promise.all(nodes.map((node, i) => call(node, 'POST', '/pairings', keys.service, { ...kfarAzaBoston, id: `kfar-aza-race-${i}` })));
    const won = race.filter((answer) => answer.status === 201);
    expect(won).toHaveLength(1);
    for (const lost of race.filter((answer) => answer.status !== 201)) expect(lost).toMatchObject({ status: 422, body: { code: 'community-already-paired' } });
    const position = won[0].body.position;
    for (const node of [a, b, c]) {
      const pairings = await call(node, 'GET', `/pairings?israeliCommunityId=${kfarAza.id}&minPosition=${position}`, keys.analyst);
      expect(pairings.body.items.map((p: { id: string }) => p.id)).toEqual([won[0].body.id]);
    }
  });

  it('erases a person through one node and every node shows [erased] at once; chains still verify', async () => {
    const [a, b, c] = nodes;
    const pairingId = (await call(a, 'GET', `/pairings?israeliCommunityId=${kfarAza.id}`, keys.analyst)).body.items[0].id;
    const assigned = await call(b, 'POST', `/pairings/${pairingId}/team-members`, keys.service, {
      side: 'israeli', role: 'coordinator', person: { name: 'Dana Levi', email: 'dana@example.org' },
    });
    expect(assigned.status).toBe(201);
    const pairing = await call(c, 'GET', `/pairings/${pairingId}?minPosition=${assigned.body.position}`, keys.analyst);
    const personId = pairing.body.team.members[0].personId;
    for (const node of nodes) {
      const seen = await call(node, 'GET', `/persons/${personId}?minPosition=${assigned.body.position}`, admin);
      expect(seen.body).toMatchObject({ personId, details: { name: 'Dana Levi', email: 'dana@example.org' } });
    }
    expect((await call(a, 'POST', `/persons/${personId}/erasure`, admin)).status).toBe(200);
    // No waiting: the key is gone from the store every node reads it from.
    for (const node of nodes) expect((await call(node, 'GET', `/persons/${personId}`, admin)).body).toMatchObject({ personId, details: '[erased]' });
    const audited = await call(b, 'GET', `/audit/streams/pairing-${pairingId}`, keys.auditor);
    expect(audited.body.items.find((e: { type: string }) => e.type === 'TeamMemberAssigned').person).toEqual({ personId, details: 'erased' });
    expect(JSON.stringify(audited.body)).not.toMatch(/Dana|dana@example/);
    for (const node of nodes) expect((await call(node, 'GET', '/audit/verify', keys.auditor)).body).toMatchObject({ ok: true });
  });

  it('converges: every node answers the same content at the same position', async () => {
    const head = (await call(nodes[0], 'POST', '/communities', keys.service, { ...boston, id: 'boston-2' })).body.position;
    const views = await Promise.all(
      nodes.map(async (node) =>
        Promise.all(
          ['/communities', '/pairings', '/needs', '/plans', '/reports/funding', '/reports/coverage', '/duplicate-flags'].map(async (path) => {
            const { body } = await call(node, 'GET', `${path}?minPosition=${head}`, keys.analyst);
            const { position, ...content } = body;
            return { path, position: BigInt(position) >= BigInt(head), content };
          }),
        ),
      ),
    );
    expect(views[0].every((view) => view.position)).toBe(true);
    expect(views[1]).toEqual(views[0]);
    expect(views[2]).toEqual(views[0]);
  });
});
