import { EventStore } from '@c2g/event-store';
import { collect } from '../support/collect';
import { apiClient } from '../support/api-client';
import { boston, kfarAza, kfarAzaBoston, kindergartenRoadMap, mattresses, teamMember } from '../support/program-fixtures';
import { StoreBackend, storeBackends } from '../support/store-backends';
import { startTestApp, TestApp } from '../support/test-app';

describe.each(storeBackends())('a pairing from formation to recovery over HTTP, events in %s', (_, backend: () => Promise<StoreBackend>) => {
  let harness: TestApp;
  let api: ReturnType<typeof apiClient>;
  let events: StoreBackend;
  beforeAll(async () => {
    events = await backend();
    harness = await startTestApp(events.env);
    api = apiClient(harness);
  });
  afterAll(async () => {
    await harness.stop();
    await events.stop();
  });

  it('runs the whole lifecycle through the command API', async () => {
    expect((await api.post('/communities', kfarAza)).status).toBe(201);
    expect((await api.post('/communities', boston)).status).toBe(201);
    const pairing = await api.post('/pairings', kfarAzaBoston);
    expect(pairing.status).toBe(201);
    expect(pairing.body).toMatchObject({ id: 'kfar-aza-boston', streamId: 'pairing-kfar-aza-boston', revision: 0 });
    expect(pairing.body.eventIds).toHaveLength(1);

    for (const side of ['israeli', 'global', 'agency']) {
      for (const n of [1, 2]) expect((await api.post('/pairings/kfar-aza-boston/team-members', teamMember(side, n))).status).toBe(201);
    }
    expect((await api.post('/pairings/kfar-aza-boston/phase', { to: 'immediate-relief', reason: 'team complete' })).status).toBe(200);
    expect((await api.post('/needs', mattresses)).status).toBe(201);
    const pledge = await api.post('/pairings/kfar-aza-boston/pledges', { id: 'y1', year: 1, amount: { amount: 25_000_000, currency: 'USD' }, needId: 'mattresses' });
    expect(pledge.status).toBe(201);
    const disbursement = await api.post('/pairings/kfar-aza-boston/disbursements', { pledgeId: 'y1', amount: { amount: 3_600_000, currency: 'USD' }, needId: 'mattresses' });
    expect(disbursement.status).toBe(201);
    expect((await api.post('/needs/mattresses/fulfilment', { note: 'delivered' })).status).toBe(200);
    expect((await api.post('/pairings/kfar-aza-boston/road-map', kindergartenRoadMap)).status).toBe(200);
    expect((await api.post('/pairings/kfar-aza-boston/phase', { to: 'road-map', reason: 'planning ahead' })).status).toBe(200);
    const recovery = await api.post('/pairings/kfar-aza-boston/phase', { to: 'recovery', reason: 'road map approved' });
    expect(recovery.status).toBe(200);

    const store: EventStore = events.open(harness.dataDir);
    const stream = await collect(store.readStream('pairing-kfar-aza-boston'));
    const community = await collect(store.readStream('community-kfar-aza'));
    await store.close();
    expect(stream.map((e) => e.type)).toEqual([
      'PairingCreated', ...Array(6).fill('TeamMemberAssigned'), 'PhaseAdvanced', 'PledgeMade', 'FundsDisbursed',
      'RoadMapApproved', 'PhaseAdvanced', 'PhaseAdvanced',
    ]);
    expect(recovery.body.revision).toBe(12);
    expect(community.map((e) => e.type)).toEqual(['CommunityRegistered', 'CommunityPaired']);
    expect(stream[0].metadata).toMatchObject({ actor: 'test-service', role: 'service', schemaVersion: 1 });
    expect(stream[0].metadata.correlationId).toEqual(expect.any(String));
    expect(JSON.stringify(stream.map((e) => [e.data, e.metadata]))).not.toMatch(/Person israeli 1|example\.org/);
    expect(stream[1].data).toMatchObject({ side: 'israeli', personId: expect.any(String) });

    const read = await api.get(`/pairings/kfar-aza-boston?minPosition=${recovery.body.position}`);
    expect(read.body).toMatchObject({ id: 'kfar-aza-boston', phase: 'recovery' });
    expect((await api.get('/audit/verify', { role: 'auditor' })).body).toMatchObject({ ok: true });
  });
});
