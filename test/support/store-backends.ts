import { join } from 'node:path';
import { EventStore, EventStoreDbEventStore, SqliteEventStore } from '@c2g/event-store';
import { startEventStoreDbDouble } from '../eventstoredb-double/eventstoredb-double';

/** Where an app under test keeps its events: the environment to start it with, and a way to read them. */
export interface StoreBackend {
  env: NodeJS.ProcessEnv;
  open(dataDir: string): EventStore;
  stop(): Promise<void>;
}

/** The embedded store, and EventStoreDB over the gRPC wire double: for describe.each. */
export function storeBackends(): [string, () => Promise<StoreBackend>][] {
  return [
    ['embedded SQLite', async () => ({ env: {}, open: (dataDir) => new SqliteEventStore({ file: join(dataDir, 'events.sqlite') }), stop: async () => undefined })],
    ['EventStoreDB (wire double)', eventStoreDbBackend],
  ];
}

export async function eventStoreDbBackend(): Promise<StoreBackend> {
  const server = await startEventStoreDbDouble();
  return {
    env: { EVENTSTORE_CONNECTION_STRING: server.connectionString },
    open: () => new EventStoreDbEventStore({ connectionString: server.connectionString }),
    stop: server.stop,
  };
}
