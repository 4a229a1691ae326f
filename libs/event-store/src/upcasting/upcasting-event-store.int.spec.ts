import { join } from 'node:path';
import { collect, take } from '../../../../test/support/collect';
import { StoredEvent } from '../port/stored-event';
import { makeTempDir } from '../../../../test/support/temp-dir';
import { verifyChains } from '../hash-chain/verify-chains';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { UpcastingEventStore } from './upcasting-event-store';

/** v1 carried one "amount" in dollars; v2 carries money in cents; v3 adds a currency default. */
const upcasters = [
  { type: 'PledgeNoted', fromVersion: 1, upcast: (d: unknown) => ({ cents: (d as { dollars: number }).dollars * 100 }) },
  { type: 'PledgeNoted', fromVersion: 2, upcast: (d: unknown) => ({ amount: (d as { cents: number }).cents, currency: 'USD' }) },
];

describe('UpcastingEventStore', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let raw: SqliteEventStore;
  beforeEach(() => {
    temp = makeTempDir();
    raw = new SqliteEventStore({ file: join(temp.dir, 'events.sqlite') });
  });
  afterEach(async () => {
    await raw.close();
    temp.remove();
  });

  it('reads an event stored as v1 in the current shape, through every read path, without rewriting it', async () => {
    await raw.append('pledges-1', [{ type: 'PledgeNoted', data: { dollars: 5 }, metadata: { schemaVersion: 1 } }]);
    await raw.append('pledges-1', [{ type: 'PledgeNoted', data: { cents: 700 }, metadata: { schemaVersion: 2 } }]);
    await raw.append('pledges-1', [{ type: 'PledgeNoted', data: { amount: 900, currency: 'ILS' }, metadata: { schemaVersion: 3 } }]);
    const store = new UpcastingEventStore(raw, upcasters);

    const expected = [{ amount: 500, currency: 'USD' }, { amount: 700, currency: 'USD' }, { amount: 900, currency: 'ILS' }];
    expect((await collect(store.readStream('pledges-1'))).map((e) => e.data)).toEqual(expected);
    expect((await collect(store.readAll())).map((e) => e.data)).toEqual(expected);
    const subscription = store.subscribeToAll({ fromPosition: 'start' });
    const live = [];
    for await (const event of subscription) {
      live.push(event.data);
      if (live.length === 3) break;
    }
    expect(live).toEqual(expected);

    expect((await collect(raw.readStream('pledges-1')))[0].data).toEqual({ dollars: 5 });
    expect(await verifyChains(raw.readAll())).toMatchObject({ ok: true });
  });

  it('passes appends, read options, the head and close through to the store underneath', async () => {
    const store = new UpcastingEventStore(raw, upcasters);
    const result = await store.append('pledges-2', [
      { type: 'PledgeNoted', data: { dollars: 1 }, metadata: { schemaVersion: 1 } },
      { type: 'PledgeNoted', data: { dollars: 2 }, metadata: { schemaVersion: 1 } },
    ], { expectedRevision: 'no_stream' });
    expect(result.nextRevision).toBe(1n);
    await expect(store.append('pledges-2', [{ type: 'PledgeNoted', data: {} }], { expectedRevision: 'no_stream' })).rejects.toMatchObject({ actual: 1n });
    expect(await store.headPosition()).toBe(await raw.headPosition());
    expect((await collect(store.readStream('pledges-2', { direction: 'backwards', maxCount: 1 }))).map((e) => e.data)).toEqual([{ amount: 200, currency: 'USD' }]);
    expect((await collect(store.readAll({ fromPosition: result.position }))).map((e) => e.data)).toEqual([{ amount: 200, currency: 'USD' }]);
    const subscription = store.subscribeToAll({ fromPosition: result.position - 1n });
    const [latest] = await take(subscription, 1);
    expect(latest.data).toEqual({ amount: 200, currency: 'USD' });
    await store.close();
    await expect(raw.headPosition()).rejects.toThrow(/closed/);
  });

  it('ends its subscription when closed', async () => {
    const store = new UpcastingEventStore(raw, upcasters);
    const subscription = store.subscribeToAll({ fromPosition: 'end' });
    const drained = collect(subscription);
    await subscription.close();
    await expect(drained).resolves.toEqual([]);
  });

  it('takes an event stored without a schema version as version 1, and leaves current events as they are', () => {
    const store = new UpcastingEventStore(raw, upcasters);
    const stored = {
      eventId: 'e', streamId: 's', type: 'PledgeNoted', revision: 0n, position: 1n, data: { dollars: 3 },
      metadata: { occurredAt: '2024-01-01T00:00:00.000Z', prevHash: '0', hash: '1' },
    } as unknown as StoredEvent;
    expect(store.upcast(stored)).toEqual({ ...stored, data: { amount: 300, currency: 'USD' } });
    const current = { ...stored, data: { amount: 1, currency: 'ILS' }, metadata: { ...stored.metadata, schemaVersion: 3 } };
    expect(store.upcast(current)).toBe(current);
    const otherType = { ...stored, type: 'SomethingElse' };
    expect(store.upcast(otherType)).toBe(otherType);
  });
});

