import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '../../../../test/support/temp-dir';
import { collect } from '../../../../test/support/collect';
import { verifyChains } from '../hash-chain/verify-chains';
import { StoreOpenError } from '../port/event-store-errors';
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
});
