import { join } from 'node:path';
import { SqliteEventStore } from '@c2g/event-store';
import { makeTempDir } from '../support/temp-dir';
import { eventStoreContract } from './event-store.contract';

eventStoreContract('SQLite', async () => {
  const temp = makeTempDir();
  const file = join(temp.dir, 'events.sqlite');
  let store = new SqliteEventStore({ file });
  return {
    get store() {
      return store;
    },
    async reopen() {
      await store.close();
      store = new SqliteEventStore({ file });
      return store;
    },
    async dispose() {
      await store.close();
      temp.remove();
    },
  };
}, { eventIds: 'unique-in-log' });
