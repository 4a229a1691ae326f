import { join } from 'node:path';
import { collect } from '../../../../test/support/collect';
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
});
