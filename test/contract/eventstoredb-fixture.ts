import { EventStoreDbEventStore } from '@c2g/event-store';
import { EventStoreFixture, StorePromises } from './event-store-fixture';

/** What the EventStoreDB adapter promises about event ids (docs/eventstoredb.md). */
export const EVENTSTORE_DB_PROMISES: StorePromises = { eventIds: 'retries-in-stream' };

/** The EventStoreDB adapter on a server at `connectionString`; `stopServer` runs after the store closes. */
export function eventStoreDbFixture(connectionString: string, stopServer: () => Promise<void> = async () => undefined): EventStoreFixture {
  const connect = () => new EventStoreDbEventStore({ connectionString });
  let store = connect();
  return {
    get store() {
      return store;
    },
    async reopen() {
      await store.close();
      store = connect();
      return store;
    },
    async dispose() {
      await store.close();
      await stopServer();
    },
  };
}
