import { join } from 'node:path';
import { SqliteEventStore } from '@c2g/event-store';
import { apiClient } from '../support/api-client';
import { eventually } from '../support/eventually';
import { startTestApp, TestApp } from '../support/test-app';

describe('a read model that cannot apply an event', () => {
  let harness: TestApp;
  // The parking below is the point of the test: its ERROR log line is expected, so it is not printed.
  beforeAll(async () => (harness = await startTestApp({ LOG_LEVEL: 'fatal' })));
  afterAll(() => harness.stop());

  it('is parked, visible in /ready and the admin API, while the other read models go on', async () => {
    // An event written behind the API's back (another process): a disbursement of a pledge nobody made.
    const store = new SqliteEventStore({ file: join(harness.dataDir, 'events.sqlite') });
    await store.append('pairing-ghost', [
      { type: 'FundsDisbursed', data: { pairingId: 'ghost', disbursementId: 'd1', pledgeId: 'none', amount: { amount: 1, currency: 'USD' } } },
    ]);
    await store.close();
    const api = apiClient(harness);
    const written = await api.post('/communities', { id: 'erez', name: 'Erez', kind: 'israeli', settlementType: 'kibbutz', country: 'IL' });

    await eventually(async () => {
      const ready = await harness.app.inject({ method: 'GET', url: '/ready' });
      expect(ready.statusCode).toBe(503);
      const ledger = ready.json().projections.find((p: { name: string }) => p.name === 'funding-ledger');
      expect(ledger).toMatchObject({ state: 'parked', parked: { position: '1', type: 'FundsDisbursed', error: expect.stringMatching(/unknown pledge/) } });
    });
    const communities = await api.get(`/communities?minPosition=${written.body.position}`);
    expect(communities.body.items.map((c: { id: string }) => c.id)).toEqual(['erez']);

    const listed = await api.get('/admin/projections', { role: 'admin' });
    expect(listed.body.projections.find((p: { name: string }) => p.name === 'funding-ledger').state).toBe('parked');
    const retried = await api.post('/admin/projections/funding-ledger/retry', undefined, { role: 'admin' });
    expect(retried.status).toBe(202);
    await eventually(async () => {
      const again = await api.get('/admin/projections', { role: 'admin' });
      expect(again.body.projections.find((p: { name: string }) => p.name === 'funding-ledger').state).toBe('parked');
    });
    expect((await api.post('/admin/projections/nope/retry', undefined, { role: 'admin' })).status).toBe(404);
  });
});
