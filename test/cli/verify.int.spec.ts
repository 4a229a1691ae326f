import Database from 'better-sqlite3';
import { join } from 'node:path';
import { EventStoreDbEventStore, SqliteEventStore } from '@c2g/event-store';
import { startEventStoreDbDouble } from '../eventstoredb-double/eventstoredb-double';
import { runCli } from '../support/run-cli';
import { makeTempDir } from '../support/temp-dir';

describe('c2g verify', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(async () => {
    temp = makeTempDir();
    const store = new SqliteEventStore({ file: join(temp.dir, 'events.sqlite') });
    await store.append('pairing-kfar-aza', [1, 2, 3].map((n) => ({ type: 'PledgeMade', data: { n } })));
    await store.append('need-mattresses', [{ type: 'NeedRecorded', data: { title: 'mattresses' } }]);
    await store.close();
  });
  afterEach(() => temp.remove());

  it('exits 0 and counts what it checked when every chain is intact', async () => {
    const result = await runCli(['verify', '--data-dir', temp.dir]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('intact: 4 events in 2 streams\n');
  }, 30_000);

  it('exits 1 naming the stream and revision of an event altered by hand in the file', async () => {
    const raw = new Database(join(temp.dir, 'events.sqlite'));
    raw.exec('DROP TRIGGER events_are_append_only_update');
    raw.prepare(`UPDATE events SET data = '{"n":20}' WHERE stream_id = 'pairing-kfar-aza' AND revision = 1`).run();
    raw.close();
    const result = await runCli(['verify', '--data-dir', temp.dir]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^BROKEN: stream pairing-kfar-aza revision 1 \(position 2\): content does not match/);
  }, 30_000);

  it('verifies the log in EventStoreDB when EVENTSTORE_CONNECTION_STRING is set', async () => {
    const server = await startEventStoreDbDouble();
    const store = new EventStoreDbEventStore({ connectionString: server.connectionString });
    try {
      await store.append('pairing-kfar-aza', [1, 2].map((n) => ({ type: 'PledgeMade', data: { n } })));
      const result = await runCli(['verify', '--data-dir', temp.dir], { EVENTSTORE_CONNECTION_STRING: server.connectionString });
      expect(result.stdout).toBe('intact: 2 events in 1 streams\n');
      expect(result.code).toBe(0);
    } finally {
      await store.close();
      await server.stop();
    }
  }, 30_000);
});
