import { EventStoreDbEventStore } from '@c2g/event-store';
import { EventStoreFixture } from './event-store-fixture';

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
