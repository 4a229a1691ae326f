import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteDataKeyStore, SqliteEventStore } from '@c2g/event-store';
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
