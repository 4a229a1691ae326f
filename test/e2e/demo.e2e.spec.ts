import { join } from 'node:path';
import { SqliteEventStore } from '@c2g/event-store';
import { apiClient } from '../support/api-client';
import { collect } from '../support/collect';
import { loadDemoInto } from '../support/load-demo-into';
import { startTestApp, TestApp } from '../support/test-app';

describe('the demo program', () => {
  let harness: TestApp;
  let api: ReturnType<typeof apiClient>;
  let position: number;
  beforeAll(async () => {
    harness = await startTestApp();
    api = apiClient(harness);
    ({ position } = await loadDemoInto(harness));
  }, 60_000);
  afterAll(() => harness.stop());

  it('pairs all 25 Israeli communities, in every phase', async () => {
    const { body } = await api.get(`/pairings?limit=200&minPosition=${position}`);
    expect(body.items).toHaveLength(25);
    const phases = new Set(body.items.map((p: { phase: string }) => p.phase));
    expect([...phases].sort()).toEqual(['formation', 'immediate-relief', 'recovery', 'road-map']);
    const israeli = await api.get('/communities?kind=israeli&limit=200');
    expect(israeli.body.items).toHaveLength(25);
    expect(israeli.body.items.every((c: { activePairingIds: string[] }) => c.activePairingIds.length === 1)).toBe(true);
  });

  it('keeps the funding report equal to the sums of the raw pledge and disbursement events', async () => {
    const report = await api.get(`/reports/funding?minPosition=${position}`);
    const store = new SqliteEventStore({ file: join(harness.dataDir, 'events.sqlite') });
    const events = await collect(store.readAll());
    await store.close();
    const sum = (type: string) =>
      events.filter((e) => e.type === type).reduce((total, e) => total + (e.data as { amount: { amount: number } }).amount.amount, 0);
    const committed = events
      .filter((e) => e.type === 'PairingCreated')
      .reduce((total, e) => {
        const { commitment } = e.data as { commitment: { annual: { amount: number }; years: number } };
        return total + commitment.annual.amount * commitment.years;
      }, 0);
    expect(report.body.program).toEqual([
      {
        committed: { amount: committed, currency: 'USD' },
        pledged: { amount: sum('PledgeMade'), currency: 'USD' },
        disbursed: { amount: sum('FundsDisbursed'), currency: 'USD' },
      },
    ]);
    const perPairing = report.body.pairings.reduce((total: number, p: { total: { pledged: { amount: number } } }) => total + p.total.pledged.amount, 0);
    expect(perPairing).toBe(sum('PledgeMade'));
  });

  it('lists the Tekuma and regional-council plans and flags the communities left behind', async () => {
    const plans = await api.get(`/plans?source=tekuma&minPosition=${position}`);
    expect(plans.body.items.length).toBeGreaterThanOrEqual(3);
    const coverage = await api.get(`/reports/coverage?minPosition=${position}`);
    expect(coverage.body.leftBehind.length + coverage.body.covered.length).toBe(25);
    const incomplete = coverage.body.leftBehind.filter((c: { reasons: string[] }) => c.reasons.includes('incomplete-team'));
    const formation = (await api.get('/pairings?phase=formation&limit=200')).body.items;
    expect(incomplete.map((c: { pairingId: string }) => c.pairingId).sort()).toEqual(formation.map((p: { id: string }) => p.id).sort());
  });
});
