import { join } from 'node:path';
import { EventStore, EventStoreDbEventStore, SqliteEventStore } from '@c2g/event-store';
import { startEventStoreDbDouble } from '../eventstoredb-double/eventstoredb-double';
import { collect } from '../support/collect';
import { makeTempDir } from '../support/temp-dir';
import { someEvents } from './event-store-fixture';

/** Moving the log from one store to the other must not break a single hash. */
it('stores the same events with the same metadata and hash chain on SQLite and on EventStoreDB', async () => {
  const temp = makeTempDir();
  const server = await startEventStoreDbDouble();
  const sqlite = new SqliteEventStore({ file: join(temp.dir, 'events.sqlite') });
  const eventStoreDb = new EventStoreDbEventStore({ connectionString: server.connectionString });
  try {
    const events = someEvents(4).map((event) => ({ ...event, metadata: { ...event.metadata, occurredAt: '2025-03-01T08:00:00.000Z' } }));
    const written = async (store: EventStore) => {
      await store.append('pairing-kfar-aza-boston', events.slice(0, 1), { expectedRevision: 'no_stream' });
      await store.append('pairing-kfar-aza-boston', events.slice(1));
      return (await collect(store.readStream('pairing-kfar-aza-boston'))).map(({ eventId, type, revision, data, metadata }) => ({ eventId, type, revision, data, metadata }));
    };
    const [fromSqlite, fromEventStoreDb] = [await written(sqlite), await written(eventStoreDb)];
    expect(fromEventStoreDb).toEqual(fromSqlite);
    expect(new Set(fromSqlite.map((e) => e.metadata.hash)).size).toBe(4);
  } finally {
    await sqlite.close();
    await eventStoreDb.close();
    await server.stop();
    temp.remove();
  }
});
