import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '../../../../test/support/temp-dir';
import { collect, take } from '../../../../test/support/collect';
import { verifyChains } from '../hash-chain/verify-chains';
import { EventStoreError, StoreClosedError, StoreOpenError } from '../port/event-store-errors';
import { SqliteEventStore } from './sqlite-event-store';
import { EVENT_STORE_SCHEMA_VERSION } from './sqlite-schema';

describe('SqliteEventStore on disk', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => (temp = makeTempDir()));
  afterEach(() => temp.remove());

  const event = (n: number) => ({ type: 'ThingHappened', data: { n } });

  it('creates its directory and runs in WAL mode with synchronous=FULL by default', async () => {
    const file = join(temp.dir, 'nested', 'deeper', 'events.sqlite');
    const store = new SqliteEventStore({ file });
    await store.append('s-1', [event(1)]);
    await store.close();
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.pragma('user_version', { simple: true })).toBe(EVENT_STORE_SCHEMA_VERSION);
    raw.close();
  });

  it('says clearly when the data directory cannot be created or written', () => {
    const blocker = join(temp.dir, 'a-file');
    writeFileSync(blocker, 'not a directory');
    expect(() => new SqliteEventStore({ file: join(blocker, 'events.sqlite') })).toThrow(
      /data directory .*a-file is not a writable directory.*C2G_DATA_DIR/,
    );
  });

  it('refuses a file that is not an SQLite database', () => {
    const file = join(temp.dir, 'events.sqlite');
    writeFileSync(file, 'just some text that is long enough to look like a header, but is not one at all'.repeat(20));
    expect(() => new SqliteEventStore({ file })).toThrow(StoreOpenError);
    expect(() => new SqliteEventStore({ file })).toThrow(/not a c2g database/);
  });

  it("refuses another application's SQLite database", () => {
    const file = join(temp.dir, 'other.sqlite');
    const other = new Database(file);
    other.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY)');
    other.close();
    expect(() => new SqliteEventStore({ file })).toThrow(/not a c2g event store/);
  });

  it('refuses a store written by a newer schema', async () => {
    const file = join(temp.dir, 'events.sqlite');
    await new SqliteEventStore({ file }).close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${EVENT_STORE_SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => new SqliteEventStore({ file })).toThrow(/newer than this c2g understands/);
  });

  it('refuses to update or delete stored events at the SQL level', async () => {
    const file = join(temp.dir, 'events.sqlite');
    const store = new SqliteEventStore({ file });
    await store.append('s-1', [event(1)]);
    await store.close();
    const raw = new Database(file);
    expect(() => raw.prepare(`UPDATE events SET data = '{}'`).run()).toThrow(/append-only/);
    expect(() => raw.prepare(`DELETE FROM events`).run()).toThrow(/append-only/);
    raw.close();
  });

  it('lets verification name an event altered by hand in the file', async () => {
    const file = join(temp.dir, 'events.sqlite');
    const store = new SqliteEventStore({ file });
    await store.append('pairing-1', [event(1), event(2), event(3)]);
    await store.append('pairing-2', [event(4)]);
    await store.close();

    const raw = new Database(file);
    raw.exec('DROP TRIGGER events_are_append_only_update');
    raw.prepare(`UPDATE events SET data = '{"n":200}' WHERE stream_id = 'pairing-1' AND revision = 1`).run();
    raw.close();

    const reopened = new SqliteEventStore({ file });
    const verification = await verifyChains(reopened.readAll());
    await reopened.close();
    expect(verification).toMatchObject({
      ok: false,
      brokenLink: { streamId: 'pairing-1', revision: 1n, reason: expect.stringMatching(/altered/) },
    });
  });

  it('acknowledges appends queued before close and refuses new ones after', async () => {
    const file = join(temp.dir, 'events.sqlite');
    const store = new SqliteEventStore({ file });
    const pending = store.append('s-1', [event(1)]);
    await store.close();
    await expect(pending).resolves.toMatchObject({ nextRevision: 0n });
    await expect(store.append('s-1', [event(2)])).rejects.toThrow(/closed/);
    const reopened = new SqliteEventStore({ file });
    expect(await collect(reopened.readStream('s-1'))).toHaveLength(1);
    await reopened.close();
  });

  it('sees a stream moved by another connection on the same file: stale revisions refused, the chain linked to its tip', async () => {
    const file = join(temp.dir, 'shared.sqlite');
    const [a, b] = [new SqliteEventStore({ file }), new SqliteEventStore({ file })];
    try {
      await a.append('pairing-kfar-aza-boston', [{ type: 'PledgeMade', data: { n: 0 } }]);
      await b.append('pairing-kfar-aza-boston', [{ type: 'PledgeMade', data: { n: 1 } }], { expectedRevision: 0n });
      await expect(a.append('pairing-kfar-aza-boston', [{ type: 'PledgeMade', data: { n: 2 } }], { expectedRevision: 0n })).rejects.toMatchObject({ actual: 1n });
      expect(await a.append('pairing-kfar-aza-boston', [{ type: 'PledgeMade', data: { n: 2 } }])).toMatchObject({ nextRevision: 2n });
      expect((await verifyChains(a.readAll())).ok).toBe(true);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('pages reads and subscriptions by pageSize without losing or repeating an event', async () => {
    const store = new SqliteEventStore({ file: join(temp.dir, 'events.sqlite'), pageSize: 2 });
    try {
      await store.append('s-1', [event(0), event(1), event(2), event(3), event(4)]);
      await store.append('s-2', [event(5)]);
      const ns = (events: { data: unknown }[]) => events.map((e) => (e.data as { n: number }).n);
      expect(ns(await collect(store.readStream('s-1')))).toEqual([0, 1, 2, 3, 4]);
      expect(ns(await collect(store.readStream('s-1', { direction: 'backwards' })))).toEqual([4, 3, 2, 1, 0]);
      expect(ns(await collect(store.readStream('s-1', { direction: 'backwards', fromRevision: 3n })))).toEqual([3, 2, 1, 0]);
      expect(ns(await collect(store.readStream('s-1', { fromRevision: 1n, maxCount: 3 })))).toEqual([1, 2, 3]);
      expect(ns(await collect(store.readAll()))).toEqual([0, 1, 2, 3, 4, 5]);
      expect(ns(await collect(store.readAll({ fromPosition: 2n, maxCount: 3 })))).toEqual([1, 2, 3]);
      const subscription = store.subscribeToAll();
      const live = take(subscription, 7);
      await store.append('s-2', [event(6)]);
      expect(ns(await live)).toEqual([0, 1, 2, 3, 4, 5, 6]);
      await subscription.close();
    } finally {
      await store.close();
    }
  });

  it('reads nothing for a maxCount of 0', async () => {
    const store = new SqliteEventStore({ file: join(temp.dir, 'events.sqlite') });
    await store.append('s-1', [event(0)]);
    expect(await collect(store.readStream('s-1', { maxCount: 0 }))).toEqual([]);
    expect(await collect(store.readAll({ maxCount: 0 }))).toEqual([]);
    await store.close();
  });

  it('stops a subscription in the middle of its catch-up when closed', async () => {
    const store = new SqliteEventStore({ file: join(temp.dir, 'events.sqlite') });
    await store.append('s-1', [event(0), event(1), event(2)]);
    const subscription = store.subscribeToAll();
    const iterator = subscription[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toMatchObject({ revision: 0n });
    await subscription.close();
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
    await store.close();
  });

  it('refuses reads, subscriptions and head queries once closed, and closes twice quietly', async () => {
    const store = new SqliteEventStore({ file: join(temp.dir, 'events.sqlite') });
    await store.append('s-1', [event(0)]);
    await store.close();
    await expect(store.close()).resolves.toBeUndefined();
    await expect(collect(store.readStream('s-1'))).rejects.toBeInstanceOf(StoreClosedError);
    await expect(collect(store.readAll())).rejects.toBeInstanceOf(StoreClosedError);
    await expect(store.headPosition()).rejects.toBeInstanceOf(StoreClosedError);
    expect(() => store.subscribeToAll()).toThrow(StoreClosedError);
  });

  it('fails every append of a group commit that SQLite itself refuses, writing none, and goes on afterwards', async () => {
    const file = join(temp.dir, 'events.sqlite');
    const store = new SqliteEventStore({ file });
    try {
      await store.append('s-1', [event(0)]);
      const raw = new Database(file);
      raw.exec(`CREATE TRIGGER poison BEFORE INSERT ON events WHEN NEW.type = 'Poison' BEGIN SELECT RAISE(ABORT, 'poisoned'); END`);
      const outcomes = await Promise.allSettled([
        store.append('s-1', [event(1)], { expectedRevision: 0n }),
        store.append('s-2', [{ type: 'Poison', data: {} }]),
      ]);
      raw.exec('DROP TRIGGER poison');
      raw.close();
      for (const outcome of outcomes) {
        expect(outcome.status).toBe('rejected');
        const reason = (outcome as PromiseRejectedResult).reason;
        expect(reason).toBeInstanceOf(EventStoreError);
        expect(reason.message).toMatch(/^append failed, nothing was written: poisoned/);
      }
      expect(await collect(store.readAll())).toHaveLength(1);
      await store.append('s-1', [event(1)], { expectedRevision: 0n });
      expect((await verifyChains(store.readAll())).ok).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('delivers to a live subscription the appends another connection makes to the same file', async () => {
    const file = join(temp.dir, 'shared.sqlite');
    const [server, cli] = [new SqliteEventStore({ file, foreignAppendPollMs: 10 }), new SqliteEventStore({ file })];
    try {
      await server.append('s-1', [event(0)]);
      const subscription = server.subscribeToAll({ fromPosition: 'end' });
      const received = take(subscription, 2);
      await new Promise((resolve) => setTimeout(resolve, 30));
      await cli.append('s-2', [event(1), event(2)]);
      expect((await received).map((e) => e.streamId)).toEqual(['s-2', 's-2']);
      await subscription.close();
    } finally {
      await server.close();
      await cli.close();
    }
  });

  it('ends a waiting subscription when the store closes', async () => {
    const store = new SqliteEventStore({ file: join(temp.dir, 'events.sqlite') });
    const drained = collect(store.subscribeToAll({ fromPosition: 'end' }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    await store.close();
    await expect(drained).resolves.toEqual([]);
  });
});

