import { apiClient } from '../support/api-client';
import { boston, kfarAza, kfarAzaBoston } from '../support/program-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

describe('the audit API', () => {
  let harness: TestApp;
  let api: ReturnType<typeof apiClient>;
  const audit = (url: string) => api.get(url, { role: 'auditor' });

  beforeAll(async () => {
    harness = await startTestApp();
    api = apiClient(harness);
    await api.post('/communities', kfarAza);
    await api.post('/communities', boston);
    await api.post('/pairings', kfarAzaBoston, { headers: { 'x-correlation-id': 'pairing-request-42' } });
    await api.post('/pairings/kfar-aza-boston/team-members', {
      id: 'dana', side: 'israeli', role: 'coordinator', person: { name: 'Dana Levi', email: 'dana@example.org' },
    });
    for (const year of [1, 2, 3]) await api.post('/pairings/kfar-aza-boston/pledges', { id: `y${year}`, year, amount: { amount: 1000, currency: 'USD' } });
  });
  afterAll(() => harness.stop());

  it('shows one pairing event by event: who did what, when, with hash links, paged', async () => {
    const first = await audit('/audit/streams/pairing-kfar-aza-boston?limit=2');
    expect(first.status).toBe(200);
    expect(first.body.items.map((e: { type: string }) => e.type)).toEqual(['PairingCreated', 'TeamMemberAssigned']);
    expect(first.body.items[0]).toMatchObject({
      revision: 0, streamId: 'pairing-kfar-aza-boston', prevHash: '0'.repeat(64), hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      metadata: { actor: 'test-service', role: 'service', correlationId: 'pairing-request-42', occurredAt: expect.any(String), commandId: expect.any(String) },
    });
    expect(first.body.items[1].prevHash).toBe(first.body.items[0].hash);
    const rest = await audit(`/audit/streams/pairing-kfar-aza-boston?fromRevision=${first.body.nextFromRevision}`);
    expect(rest.body.items.map((e: { type: string }) => e.type)).toEqual(['PledgeMade', 'PledgeMade', 'PledgeMade']);
    expect(rest.body.nextFromRevision).toBeUndefined();
  });

  it('follows one request across streams by its correlation id', async () => {
    const { body } = await audit('/audit/events?correlationId=pairing-request-42');
    expect(body.items.map((e: { streamId: string; type: string }) => `${e.streamId} ${e.type}`)).toEqual([
      'community-kfar-aza CommunityPaired',
      'community-boston CommunityPaired',
      'pairing-kfar-aza-boston PairingCreated',
    ]);
  });

  it('filters by type, actor and time, and pages with fromPosition', async () => {
    const page = await audit('/audit/events?type=PledgeMade&actor=test-service&limit=2');
    expect(page.body.items).toHaveLength(2);
    const next = await audit(`/audit/events?type=PledgeMade&actor=test-service&fromPosition=${page.body.nextFromPosition}`);
    expect(next.body.items).toHaveLength(1);
    expect((await audit('/audit/events?to=2020-01-01')).body.items).toEqual([]);
    expect((await audit('/audit/events?actor=somebody-else')).body.items).toEqual([]);
  });

  it('verifies every chain', async () => {
    const { body } = await audit('/audit/verify');
    // The three communities/pairing streams and the access stream (the keys issued for this test).
    expect(body).toMatchObject({ ok: true, streams: 4 });
  });

  it('erases a person: the auditor sees the id and whether details exist, never the details; every chain still verifies', async () => {
    const before = await audit('/audit/streams/pairing-kfar-aza-boston?fromRevision=1&limit=1');
    const personId = before.body.items[0].data.personId;
    expect(before.body.items[0].person).toEqual({ personId, details: 'present' });
    expect(JSON.stringify(before.body)).not.toMatch(/Dana|dana@example\.org/);
    expect(before.body.items[0].data.personDetails).toMatchObject({ alg: 'A256GCM' });
    const asAdmin = await api.get(`/persons/${personId}?minPosition=${before.body.items[0].position}`, { role: 'admin' });
    expect(asAdmin).toMatchObject({ status: 200, body: { personId, details: { name: 'Dana Levi', email: 'dana@example.org' } } });
    expect((await api.get(`/persons/${personId}`, { role: 'auditor' })).status).toBe(403);
    expect((await api.get(`/persons/${personId}`, { role: 'analyst' })).status).toBe(403);

    const erased = await api.post(`/persons/${personId}/erasure`, undefined, { role: 'admin' });
    expect(erased).toMatchObject({ status: 200, body: { personId, erased: true } });
    const after = await audit('/audit/streams/pairing-kfar-aza-boston?fromRevision=1&limit=1');
    expect(after.body.items[0].person).toEqual({ personId, details: 'erased' });
    expect(after.body.items[0].hash).toBe(before.body.items[0].hash);
    expect(after.body.items[0].data).toEqual(before.body.items[0].data);
    expect((await api.get(`/persons/${personId}`, { role: 'admin' })).body).toMatchObject({ personId, details: '[erased]' });
    const erasures = await audit(`/audit/streams/person-${personId}`);
    expect(erasures.body.items.map((e: { type: string; metadata: { actor: string } }) => [e.type, e.metadata.actor])).toEqual([['PersonErased', 'C2G_ADMIN_KEY']]);
    expect((await audit('/audit/verify')).body.ok).toBe(true);
    const again = await api.post(`/persons/${personId}/erasure`, undefined, { role: 'admin' });
    expect(again).toMatchObject({ status: 200, body: { position: erased.body.position } });
    expect((await audit(`/audit/streams/person-${personId}`)).body.items).toHaveLength(1);
    expect((await api.post('/persons/nobody/erasure', undefined, { role: 'admin' })).status).toBe(404);
    expect((await api.get('/persons/nobody', { role: 'admin' })).status).toBe(404);
  });

  it('answers 404 for a stream that does not exist and 403 to an analyst', async () => {
    expect((await audit('/audit/streams/pairing-nowhere')).status).toBe(404);
    expect((await api.get('/audit/verify', { role: 'analyst' })).status).toBe(403);
  });
});
