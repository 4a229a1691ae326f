import { join } from 'node:path';
import { SqliteEventStore } from '@c2g/event-store';
import { collect } from '../support/collect';
import { apiClient } from '../support/api-client';
import { boston, kfarAza, kfarAzaBoston, mattresses, teamMember } from '../support/program-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

describe('commands refused by program rules, validation, concurrency and roles', () => {
  let harness: TestApp;
  let api: ReturnType<typeof apiClient>;
  const headPosition = async () => (await harness.app.inject({ method: 'GET', url: '/ready' })).json().store.headPosition;

  beforeAll(async () => {
    harness = await startTestApp();
    api = apiClient(harness);
    await api.post('/communities', kfarAza);
    await api.post('/communities', boston);
    await api.post('/communities', { ...boston, id: 'toronto', name: 'UJA Federation of Greater Toronto', country: 'CA' });
    await api.post('/pairings', kfarAzaBoston);
  });
  afterAll(() => harness.stop());

  it.each([
    ['a second pairing for an Israeli community', '/pairings', { ...kfarAzaBoston, id: 'second', globalCommunityId: 'toronto' }, 'community-already-paired'],
    ['a commitment shorter than three years', '/pairings', { ...kfarAzaBoston, id: 'short', commitment: { ...kfarAzaBoston.commitment, years: 2 } }, 'commitment-too-short'],
    ['a commitment below the annual minimum', '/pairings', { ...kfarAzaBoston, id: 'low', commitment: { ...kfarAzaBoston.commitment, annual: { amount: 100, currency: 'USD' } } }, 'commitment-below-minimum'],
    ['leaving formation without a complete team', '/pairings/kfar-aza-boston/phase', { to: 'immediate-relief', reason: 'too early' }, 'phase-guard-unmet'],
    ['skipping a phase', '/pairings/kfar-aza-boston/phase', { to: 'recovery', reason: 'hurry' }, 'phase-not-next'],
    ['a pledge outside the term', '/pairings/kfar-aza-boston/pledges', { year: 4, amount: { amount: 100, currency: 'USD' } }, 'pledge-outside-term'],
    ['a disbursement against an unknown pledge', '/pairings/kfar-aza-boston/disbursements', { pledgeId: 'nope', amount: { amount: 100, currency: 'USD' } }, 'pledge-not-found'],
    ['a need in an unknown sector', '/needs', { ...mattresses, id: 'odd', sector: 'space-travel' }, 'sector-unknown'],
  ])('refuses %s with 422 and a rule code, writing nothing', async (_, url, body, code) => {
    const before = await headPosition();
    const response = await api.post(url, body);
    expect(response.status).toBe(code.endsWith('-not-found') ? 404 : 422);
    expect(response.body).toMatchObject({ code, message: expect.any(String) });
    expect(await headPosition()).toBe(before);
  });

  it('refuses a third team member on one side with team-side-full', async () => {
    await api.post('/pairings/kfar-aza-boston/team-members', teamMember('agency', 1));
    await api.post('/pairings/kfar-aza-boston/team-members', teamMember('agency', 2));
    const third = await api.post('/pairings/kfar-aza-boston/team-members', teamMember('agency', 3));
    expect(third.status).toBe(422);
    expect(third.body).toMatchObject({ code: 'team-side-full', details: { side: 'agency', seats: 2 } });
  });

  it('refuses disbursing more than was pledged', async () => {
    await api.post('/pairings/kfar-aza-boston/pledges', { id: 'small', year: 1, amount: { amount: 1000, currency: 'USD' } });
    const response = await api.post('/pairings/kfar-aza-boston/disbursements', { pledgeId: 'small', amount: { amount: 1001, currency: 'USD' } });
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('disbursement-exceeds-pledge');
  });

  it('answers 404 for an unknown pairing or need', async () => {
    expect((await api.post('/pairings/nowhere/phase', { to: 'immediate-relief', reason: 'x' })).body).toMatchObject({ code: 'pairing-not-found' });
    expect((await api.post('/pairings/nowhere/phase', { to: 'immediate-relief', reason: 'x' })).status).toBe(404);
    expect((await api.post('/needs/nowhere/fulfilment', {})).status).toBe(404);
  });

  it('names every bad field in a 400, including nested ones, and refuses unknown fields', async () => {
    const before = await headPosition();
    const response = await api.post('/needs', {
      ...mattresses, id: 'Bad Id!', estimatedCost: { amount: 10.5, currency: 'usd' }, window: { from: '2025-02-30', to: '2024-01-01' }, extra: true,
    });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validation-failed');
    const fields = response.body.details.map((d: { field: string }) => d.field).sort();
    expect(fields).toEqual(['estimatedCost.amount', 'estimatedCost.currency', 'extra', 'id', 'window.from', 'window.to']);
    expect(await headPosition()).toBe(before);
  });

  it('refuses a malformed id in the path with 400', async () => {
    const response = await api.post('/pairings/..%2F..%2Fetc/phase', { to: 'immediate-relief', reason: 'x' });
    expect(response.status).toBe(400);
  });

  it('answers 401 without a key and 403 for an analyst key on a command route', async () => {
    const anonymous = await harness.app.inject({ method: 'POST', url: '/communities', payload: kfarAza });
    expect(anonymous.statusCode).toBe(401);
    const analyst = await api.post('/communities', { ...kfarAza, id: 'other' }, { role: 'analyst' });
    expect(analyst.status).toBe(403);
    expect(analyst.body.code).toBe('role-forbidden');
  });
});

describe('idempotency, If-Match and concurrent writers', () => {
  let harness: TestApp;
  let api: ReturnType<typeof apiClient>;
  const headPosition = async () => (await harness.app.inject({ method: 'GET', url: '/ready' })).json().store.headPosition;

  beforeAll(async () => {
    harness = await startTestApp();
    api = apiClient(harness);
    await api.post('/communities', kfarAza);
    await api.post('/communities', boston);
  });
  afterAll(() => harness.stop());

  it('answers a retry with the same Idempotency-Key with the first answer and appends nothing', async () => {
    const headers = { 'idempotency-key': 'create-kfar-aza-boston-1' };
    const { id: _id, ...withoutId } = kfarAzaBoston;
    const first = await api.post('/pairings', withoutId, { headers });
    const position = await headPosition();
    const retry = await api.post('/pairings', withoutId, { headers });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(await headPosition()).toBe(position);
  });

  it('lets an Israeli community be paired again once it has left its pairing', async () => {
    await api.post('/communities', { ...kfarAza, id: 'sufa', name: 'Sufa', nameHe: 'סופה', aliases: [], regionalCouncil: 'Eshkol' });
    expect((await api.post('/pairings', { ...kfarAzaBoston, id: 'sufa-1', israeliCommunityId: 'sufa' })).status).toBe(201);
    expect((await api.post('/pairings', { ...kfarAzaBoston, id: 'sufa-2', israeliCommunityId: 'sufa' })).body.code).toBe('community-already-paired');
    const left = await api.post('/communities/sufa/unpairing', { pairingId: 'sufa-1', reason: 'the partner withdrew' });
    expect(left.status).toBe(200);
    expect((await api.post('/pairings', { ...kfarAzaBoston, id: 'sufa-2', israeliCommunityId: 'sufa' })).status).toBe(201);
  });

  it('refuses an Idempotency-Key reused for a different request', async () => {
    const headers = { 'idempotency-key': 'key-for-one-community' };
    await api.post('/communities', { ...boston, id: 'paris', name: 'Paris' }, { headers });
    const reused = await api.post('/communities', { ...boston, id: 'paris', name: 'Paris!' }, { headers });
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('idempotency-key-reused');
  });

  it('answers 409 when If-Match names a stale revision', async () => {
    const response = await api.post('/communities/kfar-aza/residents-returned', { date: '2025-03-01' }, { headers: { 'if-match': '0' } });
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ code: 'revision-mismatch', details: { expected: 0, actual: 1 } });
    const fresh = await api.post('/communities/kfar-aza/residents-returned', { date: '2025-03-01' }, { headers: { 'if-match': '1' } });
    expect(fresh.status).toBe(200);
  });

  it('lets exactly one of 100 concurrent pairings for one Israeli community through', async () => {
    await api.post('/communities', { ...kfarAza, id: 'nir-oz', name: 'Nir Oz', nameHe: 'ניר עוז', aliases: [], regionalCouncil: 'Eshkol' });
    const attempts = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        api.post('/pairings', { ...kfarAzaBoston, id: `nir-oz-${i}`, israeliCommunityId: 'nir-oz' }),
      ),
    );
    const statuses = attempts.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s !== 201).every((s) => s === 422 || s === 409)).toBe(true);
    const store = new SqliteEventStore({ file: join(harness.dataDir, 'events.sqlite') });
    const community = await collect(store.readStream('community-nir-oz'));
    const created = (await collect(store.readAll())).filter((e) => e.type === 'PairingCreated' && e.streamId.startsWith('pairing-nir-oz'));
    await store.close();
    expect(community.filter((e) => e.type === 'CommunityPaired')).toHaveLength(1);
    expect(created).toHaveLength(1);
  });
});

describe('commands whose body is optional', () => {
  let harness: TestApp;
  let api: ReturnType<typeof apiClient>;
  beforeAll(async () => {
    harness = await startTestApp();
    api = apiClient(harness);
    await api.post('/communities', kfarAza);
    await api.post('/communities', boston);
    await api.post('/pairings', kfarAzaBoston);
  });
  afterAll(() => harness.stop());

  it('releases a team member with no body at all', async () => {
    const assigned = await api.post('/pairings/kfar-aza-boston/team-members', { ...teamMember('global', 1), id: 'dana' });
    expect(assigned.body.id).toBe('dana');
    const released = await api.post('/pairings/kfar-aza-boston/team-members/dana/release');
    expect(released.status).toBe(200);
    expect(released.body.eventIds).toHaveLength(1);
  });
});
