import { apiClient } from '../support/api-client';
import { boston, kfarAza, kfarAzaBoston } from '../support/program-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

describe('duplicate-effort flags', () => {
  let harness: TestApp;
  let api: ReturnType<typeof apiClient>;
  const flags = async (query = '', minPosition?: number) =>
    (await api.get(`/duplicate-flags?${query}${minPosition ? `&minPosition=${minPosition}` : ''}`)).body;

  beforeAll(async () => {
    harness = await startTestApp();
    api = apiClient(harness);
    await api.post('/communities', kfarAza);
    await api.post('/communities', boston);
    await api.post('/pairings', kfarAzaBoston);
  });
  afterAll(() => harness.stop());

  const mattressNeed = {
    id: 'beds', pairingId: 'kfar-aza-boston', title: 'Beds and mattresses for families of Kfar Azza', description: '',
    sector: 'immediate-relief-goods', horizon: 'immediate', estimatedCost: { amount: 1_380_000, currency: 'USD' }, window: { from: '2025-01-01', to: '2025-12-31' },
  };
  const councilPlan = {
    id: 'mun-56', source: 'regional-council', authority: "Sha'ar HaNegev Regional Council", externalRef: 'MUN-56', title: 'מזרונים למשפחות המפונות',
    description: '', sector: 'immediate-relief-goods', regionalCouncil: "Sha'ar HaNegev", window: { from: '2024-11-20', to: '2025-11-27' },
    budget: { amount: 6_250_000, currency: 'ILS' },
  };

  it('raises a need↔plan flag across languages, via the regional council, with its reasons', async () => {
    await api.post('/needs', mattressNeed);
    const { body: plan } = await api.post('/plans', councilPlan);
    const { items } = await flags('kind=need-plan', plan.position);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ status: 'open', needId: 'beds', planId: 'mun-56', communityId: 'kfar-aza', sector: 'immediate-relief-goods' });
    expect(items[0].reasons).toEqual([
      'same community: Kfar Aza', 'same sector: immediate-relief-goods', 'windows overlap 2025-01-01..2025-11-27',
      'same thing: mattresses and bedding', expect.stringMatching(/^budget within \d+%$/),
    ]);
    expect(items[0].score).toBeGreaterThan(0.5);
  });

  it('raises over-funding when pledges and duplicate plans exceed the cost', async () => {
    const { items } = await flags('kind=over-funding');
    expect(items).toHaveLength(1);
    expect(items[0].reasons.join('; ')).toMatch(/plan mun-56 budget 62500\.00 ILS.*covered \d+% of the cost/);
  });

  it('does not raise the same pair again once resolved, unless one side is revised', async () => {
    const [flag] = (await flags('kind=need-plan')).items;
    const resolved = await api.post(`/duplicate-flags/${flag.id}/resolution`, { decision: 'complementary', note: 'the council covers families outside the kibbutz' });
    expect(resolved.status).toBe(200);
    const other = await api.post('/plans', { ...councilPlan, id: 'tkm-99', externalRef: 'TKM-99', title: 'Kitchenware kits', sector: 'immediate-relief-goods' });
    const afterResolution = (await flags('kind=need-plan', other.body.position)).items;
    expect(afterResolution.find((f: { id: string }) => f.id === flag.id)).toMatchObject({
      status: 'resolved', resolution: { decision: 'complementary', reviewer: 'test-service' },
    });
    const revised = await api.post('/needs/beds/revisions', { title: 'Beds, mattresses and bedding for families of Kfar Azza' });
    const reopened = (await flags('kind=need-plan', revised.body.position)).items.find((f: { id: string }) => f.id === flag.id);
    expect(reopened.status).toBe('open');
  });

  it('raises need↔need flags for two needs of one community describing the same thing', async () => {
    const { body } = await api.post('/needs', { ...mattressNeed, id: 'more-beds', title: 'New mattresses and bedding for displaced households' });
    const { items } = await flags('kind=need-need', body.position);
    expect(items.map((f: { needId: string; otherNeedId: string }) => [f.needId, f.otherNeedId].sort())).toEqual([['beds', 'more-beds']]);
  });

  describe('learning from reviewers', () => {
    // Wordings the concept layer does not know: only a reviewer can say they are one effort.
    const olivePress = { ...mattressNeed, id: 'olive-press', title: 'Repair the olive press', sector: 'employment' };
    const beitHabad = (id: string) => ({ ...councilPlan, id, externalRef: id, title: 'שיקום בית הבד', sector: 'employment', regionalCouncil: undefined, communityIds: ['kfar-aza'] });
    const pair = { kind: 'need-plan', needId: 'olive-press', otherId: 'habad-1' };
    const explanation = async (otherId: string, minPosition: number) =>
      (await api.get(`/duplicate-flags/explanation?kind=need-plan&needId=olive-press&otherId=${otherId}&minPosition=${minPosition}`)).body;
    const flagOf = async (otherId: string, minPosition: number) =>
      (await flags('kind=need-plan&limit=200', minPosition)).items.find((f: { planId: string; needId: string }) => f.planId === otherId && f.needId === 'olive-press');
    let flagId: string;

    it('explains a pair the detector did not flag', async () => {
      await api.post('/needs', olivePress);
      const { body } = await api.post('/plans', beitHabad('habad-1'));
      expect(await explanation('habad-1', body.position)).toMatchObject({ candidate: true, duplicate: false, reasons: expect.arrayContaining([expect.stringMatching(/^title similarity 0\.\d\d$/)]) });
      expect(await flagOf('habad-1', body.position)).toBeUndefined();
    });

    it('takes a reported missed duplicate as a resolution that links the wordings, and flags the next pair worded like it', async () => {
      const reported = await api.post('/duplicate-flags/reports', { ...pair, note: 'the council repairs the same press' });
      expect(reported.status).toBe(200);
      const flag = await flagOf('habad-1', reported.body.position);
      flagId = flag.id;
      const because = `linked by the resolution of flag ${flagId} on ${new Date().toISOString().slice(0, 10)} (test-service)`;
      expect(flag).toMatchObject({ status: 'resolved', resolution: { decision: 'duplicate', reviewer: 'test-service' }, reasons: expect.arrayContaining([because]) });
      const { body } = await api.post('/plans', beitHabad('habad-2'));
      expect(await flagOf('habad-2', body.position)).toMatchObject({ status: 'open', reasons: expect.arrayContaining([because]) });
    });

    it('lets a not-duplicate resolution tell the next pair worded like it apart in the community', async () => {
      const next = await flagOf('habad-2', 0);
      const resolved = await api.post(`/duplicate-flags/${next.id}/resolution`, { decision: 'not-duplicate', note: 'another press' });
      expect(resolved.status).toBe(200);
      const { body } = await api.post('/plans', beitHabad('habad-3'));
      expect(await flagOf('habad-3', body.position)).toBeUndefined();
      expect((await explanation('habad-3', body.position)).reasons).toContain(`told apart by the resolution of flag ${next.id} on ${new Date().toISOString().slice(0, 10)} (test-service)`);
    });

    it('refuses a report of a pair that cannot be one effort, or of unknown items, writing nothing', async () => {
      const { body: other } = await api.post('/plans', { ...beitHabad('habad-edu'), sector: 'education' });
      // A report names items the detector has seen: wait until it has (a client knows its write's position).
      expect((await explanation('habad-edu', other.position)).reasons).toEqual(['different sectors: employment / education']);
      const notCandidate = await api.post('/duplicate-flags/reports', { ...pair, otherId: 'habad-edu', note: 'x' });
      expect([notCandidate.status, notCandidate.body.code]).toEqual([422, 'not-a-candidate-pair']);
      // Windows apart: the detector never compares them, so a report must not teach a link from them.
      const { body: later } = await api.post('/plans', { ...beitHabad('habad-2027'), window: { from: '2027-01-01', to: '2027-06-30' } });
      expect((await explanation('habad-2027', later.position)).reasons).toEqual(['windows apart: 2025-01-01–2025-12-31 / 2027-01-01–2027-06-30']);
      const apart = await api.post('/duplicate-flags/reports', { ...pair, otherId: 'habad-2027', note: 'x' });
      expect([apart.status, apart.body.code]).toEqual([422, 'not-a-candidate-pair']);
      const unknown = await api.post('/duplicate-flags/reports', { ...pair, otherId: 'no-such-plan', note: 'x' });
      expect([unknown.status, unknown.body.code]).toEqual([404, 'duplicate-pair-not-found']);
      const bad = await api.post('/duplicate-flags/reports', { ...pair, kind: 'over-funding', note: 'x' });
      expect(bad.status).toBe(400);
      expect((await flags('kind=need-plan&limit=200', other.position)).items.some((f: { planId: string }) => f.planId === 'habad-edu')).toBe(false);
    });
  });

  it('closes a flag when its need is cancelled, and refuses to resolve an unknown flag', async () => {
    const { body } = await api.post('/needs/more-beds/cancellation', { reason: 'recorded twice' });
    const { items } = await flags('kind=need-need', body.position);
    expect(items[0].status).toBe('closed');
    const unknown = await api.post('/duplicate-flags/0123456789abcdef0123456789abcdef/resolution', { decision: 'duplicate', note: 'x' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('duplicate-flag-not-found');
  });
});
