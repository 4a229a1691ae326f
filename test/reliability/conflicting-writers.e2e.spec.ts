import { join } from 'node:path';
import { SqliteEventStore } from '@c2g/event-store';
import { apiClient } from '../support/api-client';
import { collect } from '../support/collect';
import { boston, kfarAza, kfarAzaBoston, teamMember } from '../support/program-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

const usd = (amount: number) => ({ amount, currency: 'USD' });

/** Many concurrent commands on one pairing: the rules hold, losers get 409 or 422, never a 500. */
describe('conflicting writers on one pairing', () => {
  let harness: TestApp;
  let api: ReturnType<typeof apiClient>;
  const stream = async () => {
    const store = new SqliteEventStore({ file: join(harness.dataDir, 'events.sqlite') });
    const events = await collect(store.readStream('pairing-kfar-aza-boston'));
    await store.close();
    return events;
  };

  beforeAll(async () => {
    harness = await startTestApp({ C2G_RATE_LIMIT_PER_MINUTE: '1000000' });
    api = apiClient(harness);
    await api.post('/communities', kfarAza);
    await api.post('/communities', boston);
    await api.post('/pairings', kfarAzaBoston);
  });
  afterAll(() => harness.stop());

  it('never seats more than two members per side, however many race for the seats', async () => {
    const attempts = await Promise.all(
      Array.from({ length: 30 }, (_, i) => api.post('/pairings/kfar-aza-boston/team-members', teamMember(['israeli', 'global', 'agency'][i % 3], i))),
    );
    const statuses = attempts.map((a) => a.status);
    expect(statuses.every((s) => [201, 409, 422].includes(s))).toBe(true);
    expect(statuses.filter((s) => s === 422).length).toBeGreaterThanOrEqual(24);
    const seated = (await stream()).filter((e) => e.type === 'TeamMemberAssigned').map((e) => (e.data as { side: string }).side);
    expect(seated).toHaveLength(statuses.filter((s) => s === 201).length);
    for (const side of ['israeli', 'global', 'agency']) expect(seated.filter((s) => s === side).length).toBeLessThanOrEqual(2);
    // Whoever lost to a conflict can simply try again; the team completes and stays at two a side.
    for (const side of ['israeli', 'global', 'agency']) {
      for (let n = seated.filter((s) => s === side).length; n < 2; n += 1) {
        expect((await api.post('/pairings/kfar-aza-boston/team-members', teamMember(side, 100 + n))).status).toBe(201);
      }
    }
  });

  it('never disburses more than a pledge, however many disbursements race', async () => {
    await api.post('/pairings/kfar-aza-boston/pledges', { id: 'race', year: 1, amount: usd(10_000) });
    const attempts = await Promise.all(
      Array.from({ length: 25 }, () => api.post('/pairings/kfar-aza-boston/disbursements', { pledgeId: 'race', amount: usd(1_000) })),
    );
    expect(attempts.every((a) => [201, 409, 422].includes(a.status))).toBe(true);
    const won = attempts.filter((a) => a.status === 201).length;
    expect(won).toBeGreaterThanOrEqual(1);
    expect(won).toBeLessThanOrEqual(10);
    const disbursed = (await stream())
      .filter((e) => e.type === 'FundsDisbursed')
      .reduce((sum, e) => sum + (e.data as { amount: { amount: number } }).amount.amount, 0);
    expect(disbursed).toBe(won * 1_000);
    expect(disbursed).toBeLessThanOrEqual(10_000);
  });

  it('advances a phase once when many advance it at the same time', async () => {
    const attempts = await Promise.all(
      Array.from({ length: 20 }, () => api.post('/pairings/kfar-aza-boston/phase', { to: 'immediate-relief', reason: 'team complete' })),
    );
    expect(attempts.filter((a) => a.status === 200)).toHaveLength(1);
    expect(attempts.every((a) => [200, 409, 422].includes(a.status))).toBe(true);
    expect((await stream()).filter((e) => e.type === 'PhaseAdvanced')).toHaveLength(1);
  });

  it('answers racing writers that pin a revision with If-Match: one wins, the rest 409', async () => {
    const revision = (await stream()).length - 1;
    const attempts = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        api.post('/pairings/kfar-aza-boston/pledges', { year: 2, amount: usd(100 + i) }, { headers: { 'if-match': String(revision) } }),
      ),
    );
    expect(attempts.filter((a) => a.status === 201)).toHaveLength(1);
    expect(attempts.filter((a) => a.status === 409)).toHaveLength(9);
  });
});
