import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EventStoreDBClient } from '@eventstore/db-client';
import { EventStoreDbDataKeyStore, SqliteDataKeyStore, SqliteEventStore } from '@c2g/event-store';
import { startEventStoreDbDouble } from '../eventstoredb-double/eventstoredb-double';
import { makeTempDir } from '../support/temp-dir';
import { dataKeyStoreContract } from './data-key-store.contract';

dataKeyStoreContract('SQLite (a table in the event-store file)', async () => {
  const temp = makeTempDir('c2g-keys-');
  const file = join(temp.dir, 'events.sqlite');
  const events = new SqliteEventStore({ file });
  const [keys, other] = [new SqliteDataKeyStore(file), new SqliteDataKeyStore(file)];
  return {
    keys: () => keys,
    other: () => other,
    async dispose() {
      await keys.close();
      await other.close();
      await events.close();
      temp.remove();
    },
  };
});

dataKeyStoreContract('EventStoreDB (a stream per key, tombstoned) over the wire double', async () => {
  const server = await startEventStoreDbDouble();
  const [keys, other] = [new EventStoreDbDataKeyStore({ connectionString: server.connectionString }), new EventStoreDbDataKeyStore({ connectionString: server.connectionString })];
  return {
    keys: () => keys,
    other: () => other,
    async dispose() {
      await keys.close();
      await other.close();
      await server.stop();
    },
  };
});

describe('EventStoreDB data-key store', () => {
  it('tombstones the key stream: the key is refused for ever and a scavenge removes it from $all', async () => {
    const server = await startEventStoreDbDouble();
    const keys = new EventStoreDbDataKeyStore({ connectionString: server.connectionString });
    const client = EventStoreDBClient.connectionString(server.connectionString);
    const allKeys = async () => {
      const found: string[] = [];
      for await (const { event } of client.readAll()) if (event?.streamId === 'c2g-data-key-p1' && event.type === 'DataKeyMade') found.push(event.streamId);
      return found;
    };
    try {
      await keys.provide('p1');
      expect(await allKeys()).toEqual(['c2g-data-key-p1']);
      await keys.destroy('p1');
      expect(server.log.stream('c2g-data-key-p1')).toBe('deleted');
      server.log.scavenge();
      expect(await allKeys()).toEqual([]);
    } finally {
      await keys.close();
      await client.dispose();
      await server.stop();
    }
  });
});

describe('SQLite data-key store on disk', () => {
  it('leaves no copy of a destroyed key in the database file or its WAL', async () => {
    const temp = makeTempDir('c2g-keys-');
    const file = join(temp.dir, 'events.sqlite');
    const keys = new SqliteDataKeyStore(file);
    try {
      const key = (await keys.provide('person-1'))!;
      for (let i = 0; i < 20; i += 1) await keys.provide(`other-${i}`);
      const onDisk = () => readdirSync(temp.dir).map((name) => readFileSync(join(temp.dir, name)));
      expect(onDisk().some((bytes) => bytes.includes(key))).toBe(true);
      await keys.destroy('person-1');
      expect(onDisk().some((bytes) => bytes.includes(key))).toBe(false);
    } finally {
      await keys.close();
      temp.remove();
    }
  });
});
