import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { upcasters } from '@c2g/domain';
import { EventStore, openEventStoreAt, UpcastingEventStore } from '@c2g/event-store';
import { allProjections, ProjectionRunner } from '@c2g/projections';

/** Options every command that works on the embedded store accepts. */
export interface StoreOptions {
  dataDir?: string;
}

export function dataDirOf(options: StoreOptions): string {
  return resolve(options.dataDir ?? process.env.C2G_DATA_DIR ?? './data');
}

/**
 * Opens the event store the API uses: EventStoreDB when EVENTSTORE_CONNECTION_STRING is set,
 * else the embedded file (safe while the server runs). `.raw` reads events as written.
 */
export function openStore(options: StoreOptions): UpcastingEventStore {
  const connectionString = process.env.EVENTSTORE_CONNECTION_STRING?.trim() || undefined;
  // Commands that read never create a store: a mistyped --data-dir is an error, not an empty log.
  const file = join(dataDirOf(options), 'events.sqlite');
  if (!connectionString && !existsSync(file)) {
    throw new Error(`no event log at ${file}: give the data directory of a c2g server with --data-dir or C2G_DATA_DIR (nothing was created)`);
  }
  return new UpcastingEventStore(openEventStoreAt({ connectionString, file }), [...upcasters]);
}

export function readModelsDir(options: StoreOptions): string {
  return join(dataDirOf(options), 'read-models');
}

export function projectionRunner(store: EventStore, options: StoreOptions, onProgress?: (position: bigint, head: bigint) => void) {
  return new ProjectionRunner({ store, dir: readModelsDir(options), projections: allProjections(), onProgress, batchSize: 2000 });
}

/** Runs a command body with the store open, closing it whatever happens. */
export async function withStore<T>(options: StoreOptions, body: (store: UpcastingEventStore) => Promise<T>): Promise<T> {
  const store = openStore(options);
  try {
    return await body(store);
  } finally {
    await store.close();
  }
}
