import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '../../../test/support/temp-dir';
import { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store';
import { openEventStoreAt } from './open-event-store-at';
import { SqliteEventStore } from './sqlite/sqlite-event-store';

describe('openEventStoreAt', () => {
  it('opens the SQLite file when no EventStoreDB connection string is set', async () => {
    const temp = makeTempDir();
    const store = openEventStoreAt({ file: join(temp.dir, 'events.sqlite'), connectionString: '' });
    try {
      expect(store).toBeInstanceOf(SqliteEventStore);
      expect(await store.headPosition()).toBe(0n);
    } finally {
      await store.close();
      temp.remove();
    }
  });

  it('opens EventStoreDB when a connection string is set, and no SQLite file', async () => {
    const temp = makeTempDir();
    const store = openEventStoreAt({ file: join(temp.dir, 'events.sqlite'), connectionString: 'esdb://127.0.0.1:1?tls=false' });
    try {
      expect(store).toBeInstanceOf(EventStoreDbEventStore);
      expect(existsSync(join(temp.dir, 'events.sqlite'))).toBe(false);
    } finally {
      await store.close();
      temp.remove();
    }
  });
});
