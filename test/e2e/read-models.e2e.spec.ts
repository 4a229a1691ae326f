import { join } from 'node:path';
import { SqliteEventStore } from '@c2g/event-store';
import { apiClient } from '../support/api-client';
import { collect } from '../support/collect';
import { boston, kfarAza, kfarAzaBoston, mattresses, teamMember } from '../support/program-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

const usd = (amount: number) => ({ amount, currency: 'USD' });

describe('read models over HTTP', () => {
  let harness: TestApp;
  let api: ReturnType<typeof apiClient>;
  let afterFirstPledge: number;

  beforeAll(async () => {
    harness = await startTestApp();
    api = apiClient(harness);
    await api.post('/communities', kfarAza);
    await api.post('/communities', boston);
    await api.post('/communities', { ...kfarAza, id: 'nir-oz', name: 'Nir Oz', nameHe: 'ניר עוז', aliases: [], regionalCouncil: 'Eshkol' });
    await api.post('/pairings', kfarAzaBoston);
    await api.post('/pairings/kfar-aza-boston/team-members', teamMember('israeli', 1));
    await api.post('/needs', mattresses);
    afterFirstPledge = (await api.post('/pairings/kfar-aza-boston/pledges', { id: 'y1a', year: 1, amount: usd(10_000_000) })).body.position;
    await api.post('/pairings/kfar-aza-boston/pledges', { id: 'y1b', year: 1, amount: usd(5_000_000), needId: 'mattresses' });
    await api.post('/pairings/kfar-aza-boston/pledges', { id: 'y2', year: 2, amount: usd(25_000_000) });
    await api.post('/pairings/kfar-aza-boston/disbursements', { pledgeId: 'y1a', amount: usd(4_000_000) });
    await api.post('/pairings/kfar-aza-boston/disbursements', { pledgeId: 'y1b', amount: usd(1_000_000), needId: 'mattresses' });
  });
  afterAll(() => harness.stop());

  it('reads its own write with ?minPosition=', async () => {
    const written = await api.post('/communities', { ...boston, id: 'toronto', name: 'Toronto' });
    const read = await api.get(`/communities?kind=global&minPosition=${written.body.position}`);
    expect(read.status).toBe(200);
    expect(read.body.items.map((c: { id: string }) => c.id)).toContain('toronto');
    expect(Number(read.body.position)).toBeGreaterThanOrEqual(written.body.position);
  });

  it('matches the funding ledger recomputed from the raw events', async () => {
    const { body: last } = await api.post('/pairings/kfar-aza-boston/pledges', { id: 'y3', year: 3, amount: usd(1) });
    const report = await api.get(`/reports/funding?minPosition=${last.position}`);
    const store = new SqliteEventStore({ file: join(harness.dataDir, 'events.sqlite') });
    const events = await collect(store.readAll());
    await store.close();
    const expected = new Map<number, { pledged: number; disbursed: number }>();
    const yearOf = new Map<string, number>();
    for (const e of events) {
      const data = e.data as { pledgeId: string; year: number; amount: { amount: number } };
      if (e.type === 'PledgeMade') {
        yearOf.set(data.pledgeId, data.year);
        const y = expected.get(data.year) ?? { pledged: 0, disbursed: 0 };
        expected.set(data.year, { ...y, pledged: y.pledged + data.amount.amount });
      }
      if (e.type === 'FundsDisbursed') {
        const year = yearOf.get(data.pledgeId)!;
        const y = expected.get(year)!;
        expected.set(year, { ...y, disbursed: y.disbursed + data.amount.amount });
      }
    }
    expect(report.status).toBe(200);
    const [pairing] = report.body.pairings;
    for (const year of pairing.years) {
      expect({ year: year.year, pledged: year.pledged.amount, disbursed: year.disbursed.amount }).toEqual({
        year: year.year, ...(expected.get(year.year) ?? { pledged: 0, disbursed: 0 }),
      });
      expect(year.committed).toEqual(usd(25_000_000));
    }
    const pledgedTotal = [...expected.values()].reduce((s, y) => s + y.pledged, 0);
    expect(report.body.program).toEqual([{ committed: usd(75_000_000), pledged: usd(pledgedTotal), disbursed: usd(5_000_000) }]);
    expect(report.body.globalCommunities).toEqual([{ globalCommunityId: 'boston', committed: usd(75_000_000), pledged: usd(pledgedTotal), disbursed: usd(5_000_000) }]);
  });

  it('shows a pairing with its team, funding per year and open needs', async () => {
    const { body } = await api.get(`/pairings/kfar-aza-boston?minPosition=${afterFirstPledge}`);
    expect(body).toMatchObject({
      id: 'kfar-aza-boston', phase: 'formation', israeliCommunityId: 'kfar-aza', globalCommunityId: 'boston',
      team: { complete: false, bySide: { israeli: 1, global: 0, agency: 0 } }, openNeeds: 1, roadMap: { approved: false },
    });
    expect(body.funding[0]).toEqual({ year: 1, committed: usd(25_000_000), pledged: usd(15_000_000), disbursed: usd(5_000_000) });
    expect(body.team.members[0]).not.toHaveProperty('name');
  });

  it('answers as the program knew it at an earlier position', async () => {
    const { body } = await api.get(`/pairings/kfar-aza-boston?asOf=${afterFirstPledge}`);
    expect(body.position).toBe(String(afterFirstPledge));
    expect(body.funding[0]).toMatchObject({ pledged: usd(10_000_000), disbursed: usd(0) });
    const report = await api.get(`/reports/funding?asOf=${afterFirstPledge}`);
    expect(report.body.program[0].pledged).toEqual(usd(10_000_000));
  });

  it('answers 404 for a pairing that did not exist yet on an as-of date', async () => {
    const response = await api.get('/pairings/kfar-aza-boston?asOf=2020-01-01');
    expect(response.status).toBe(404);
  });

  it('refuses an asOf that is neither a position nor a date', async () => {
    const response = await api.get('/reports/funding?asOf=yesterday');
    expect(response.status).toBe(400);
    expect(response.body.details[0].field).toBe('asOf');
  });

  it('lists needs with their funding per currency', async () => {
    const { body } = await api.get('/needs?communityId=kfar-aza&horizon=immediate&status=open');
    expect(body.items.find((n: { id: string }) => n.id === 'mattresses')).toMatchObject({ id: 'mattresses', funding: [{ pledged: usd(5_000_000), disbursed: usd(1_000_000) }] });
  });

  it('reports the communities being left behind, with reasons', async () => {
    const utensils = { ...mattresses, id: 'kitchen-utensils', title: 'Kitchen utensils', estimatedCost: usd(800_000) };
    const { body: written } = await api.post('/needs', utensils);
    const { body } = await api.get(`/reports/coverage?minPosition=${written.position}`);
    const byId = Object.fromEntries(body.leftBehind.map((c: { communityId: string }) => [c.communityId, c]));
    expect(byId['nir-oz'].reasons).toEqual(['no-pairing']);
    expect(byId['kfar-aza'].reasons).toEqual(['incomplete-team', 'unfunded-urgent-needs']);
    expect(byId['kfar-aza'].unfundedUrgentNeedIds).toEqual(['kitchen-utensils']);
  });

  it('pages a list with a cursor, in a stable order, without gaps or repeats', async () => {
    let position = '0';
    for (const id of ['a-one', 'b-two', 'c-three']) position = (await api.post('/communities', { ...boston, id, name: id })).body.position;
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const { body } = await api.get(`/communities?kind=global&limit=2&minPosition=${position}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(body.items.length).toBeLessThanOrEqual(2);
      seen.push(...body.items.map((c: { id: string }) => c.id));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(['a-one', 'b-two', 'boston', 'c-three']));
  });

  it('is ready once every read model is caught up', async () => {
    const ready = await harness.app.inject({ method: 'GET', url: '/ready' });
    expect(ready.json().projections.map((p: { name: string }) => p.name)).toEqual([
      'communities', 'plans', 'pairings', 'funding-ledger', 'needs-board', 'coverage', 'duplicate-flags', 'pairing-reservations', 'log-timeline', 'transparency-log', 'api-keys', 'persons',
    ]);
  });
});
