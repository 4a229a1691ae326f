import { EventStore } from '@c2g/event-store';
import { commandIdFor, requestHashOf } from '../../apps/api/src/commands/idempotency';
import { EVENT_STORE } from '../../apps/api/src/event-store/event-store.module';
import { boston, kfarAza, kfarAzaBoston, mattresses } from '../support/program-fixtures';
import { collect } from '../support/collect';
import { StoreBackend, storeBackends } from '../support/store-backends';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * An Idempotency-Key names one request (method, path and body): its retries get the first
 * answer byte for byte and write nothing more; any other request under the same key gets
 * 422 idempotency-key-reused, whatever the timing and whichever stream it targets.
 */
describe.each(storeBackends())('Idempotency-Key, events in %s', (_, backend: () => Promise<StoreBackend>) => {
  let store: StoreBackend;
  let harness: TestApp;
  let service: string;
  const post = (url: string, body: unknown, key?: string, apiKey = service) =>
    harness.app.inject({
      method: 'POST',
      url,
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
      payload: JSON.stringify(body),
    });
  const head = async () => (await harness.app.inject({ method: 'GET', url: '/ready' })).json().store.headPosition as string;
  const streamEvents = async (streamId: string) => {
    const auditor = await harness.keyFor('auditor');
    const response = await harness.app.inject({ method: 'GET', url: `/audit/streams/${streamId}?limit=500`, headers: { authorization: `Bearer ${auditor}` } });
    return response.statusCode === 404 ? [] : (response.json().items as { type: string; data: Record<string, any> }[]); // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  const streamTypes = async (streamId: string) => (await streamEvents(streamId)).map((e) => e.type);
  const pledge = (amount: number) => ({ year: 1, amount: { amount, currency: 'USD' } });

  /** Events appended after a head position: positions are not counts on EventStoreDB. */
  const appendedSince = async (head: string) => (await collect(harness.app.get<EventStore>(EVENT_STORE).readAll({ fromPosition: BigInt(head) + 1n }))).length;

  beforeAll(async () => {
    store = await backend();
    harness = await startTestApp({ C2G_RATE_LIMIT_PER_MINUTE: '1000000', ...store.env });
    service = await harness.keyFor('service');
    for (const [url, body] of [['/communities', kfarAza], ['/communities', boston], ['/pairings', kfarAzaBoston], ['/needs', mattresses]] as const) {
      expect((await post(url, body)).statusCode).toBe(201);
    }
  }, 30_000);
  afterAll(async () => {
    await harness.stop();
    await store.stop();
  });

  it('answers a retry with the first answer, byte for byte, and writes nothing more', async () => {
    const first = await post('/pairings/kfar-aza-boston/pledges', pledge(1000), 'retry-1');
    expect(first.statusCode).toBe(201);
    const before = await head();
    const retry = await post('/pairings/kfar-aza-boston/pledges', pledge(1000), 'retry-1');
    expect(retry.statusCode).toBe(201);
    expect(retry.body).toBe(first.body);
    expect(await head()).toBe(before);
  });

  it('lets exactly one of many concurrent identical requests write, and gives them all the same answer', async () => {
    const before = await head();
    const answers = await Promise.all(Array.from({ length: 12 }, () => post('/pairings/kfar-aza-boston/pledges', pledge(2000), 'same-12')));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(12).fill(201));
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    const { eventIds } = answers[0].json();
    expect(eventIds).toHaveLength(1);
    // One PledgeMade and the key's record: two events, whatever the interleaving.
    expect(await appendedSince(before)).toBe(2);
  });

  it('refuses every other body under a key in use, also when they race: exactly one is stored', async () => {
    const amounts = [3001, 3002, 3003, 3004, 3005, 3006];
    const answers = await Promise.all(amounts.map((amount) => post('/pairings/kfar-aza-boston/pledges', pledge(amount), 'race-1')));
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(1);
    const winner = amounts[answers.findIndex((a) => a.statusCode === 201)];
    for (const refused of answers.filter((a) => a.statusCode !== 201)) {
      expect(refused.statusCode).toBe(422);
      expect(refused.json()).toMatchObject({ code: 'idempotency-key-reused' });
    }
    const pledged = (await streamEvents('pairing-kfar-aza-boston')).filter((e) => e.type === 'PledgeMade').map((e) => e.data.amount.amount as number);
    expect(pledged.filter((amount) => amounts.includes(amount))).toEqual([winner]);
  });

  it('refuses the key on another stream or another route, without writing there', async () => {
    expect((await post('/needs', { ...mattresses, id: 'need-a' }, 'cross-1')).statusCode).toBe(201);
    const before = await head();
    const otherStream = await post('/needs', { ...mattresses, id: 'need-b' }, 'cross-1');
    expect(otherStream.statusCode).toBe(422);
    expect(otherStream.json()).toMatchObject({ code: 'idempotency-key-reused' });
    const otherRoute = await post('/communities', { ...boston, id: 'toronto', name: 'UJA Toronto', country: 'CA' }, 'cross-1');
    expect(otherRoute.statusCode).toBe(422);
    expect(await head()).toBe(before);
    expect(await streamTypes('need-need-b')).toEqual([]);
    expect(await streamTypes('community-toronto')).toEqual([]);
  });

  it('lets only one of two different requests racing for one key onto different streams through', async () => {
    const answers = await Promise.all(['race-x', 'race-y'].map((id) => post('/needs', { ...mattresses, id }, 'cross-race')));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 422]);
    const written = [await streamTypes('need-race-x'), await streamTypes('need-race-y')].flat();
    expect(written).toEqual(['NeedRecorded']);
  });

  it('keeps keys of different API keys apart', async () => {
    const other = (await harness.app.inject({
      method: 'POST', url: '/admin/api-keys', headers: { authorization: `Bearer ${await harness.keyFor('admin')}` }, payload: { role: 'service', label: 'second-service' },
    })).json().key as string;
    expect((await post('/pairings/kfar-aza-boston/pledges', pledge(5000), 'shared-name')).statusCode).toBe(201);
    expect((await post('/pairings/kfar-aza-boston/pledges', pledge(6000), 'shared-name', other)).statusCode).toBe(201);
  });

  it('recognises a key used before key records existed, from the command id its events carry', async () => {
    // A log written by an earlier c2g: the pledge's events carry the key's command id, and no key record exists.
    const keyId = /^c2g_([a-z0-9]{16})_/.exec(service)![1];
    const commandId = commandIdFor(keyId, 'from-an-older-version');
    const store = harness.app.get<EventStore>(EVENT_STORE);
    const tip = (await streamEvents('pairing-kfar-aza-boston')).length - 1;
    await store.append('pairing-kfar-aza-boston', [{
      type: 'PledgeMade',
      data: { pairingId: 'kfar-aza-boston', pledgeId: 'old-pledge', year: 1, amount: { amount: 7000, currency: 'USD' } },
      metadata: { commandId, requestHash: requestHashOf('POST', '/pairings/kfar-aza-boston/pledges', { id: 'old-pledge', ...pledge(7000) }) },
    }], { expectedRevision: BigInt(tip) });
    const before = await head();
    const other = await post('/pairings/kfar-aza-boston/pledges', pledge(7001), 'from-an-older-version');
    expect(other.statusCode).toBe(422);
    expect(other.json()).toMatchObject({ code: 'idempotency-key-reused' });
    const same = await post('/pairings/kfar-aza-boston/pledges', { id: 'old-pledge', ...pledge(7000) }, 'from-an-older-version');
    expect(same.statusCode).toBe(201);
    expect(await head()).toBe(before);
  });
});
