import { EventStoreDbDataKeyStore } from './eventstoredb/eventstoredb-data-key-store';
import { EventStoreLocation } from './open-event-store-at';
import { DataKeyStore } from './port/data-key-store';
import { SqliteDataKeyStore } from './sqlite/sqlite-data-key-store';

/** The key store beside the events, wherever they are (see openEventStoreAt). */
export function openDataKeyStoreAt({ connectionString, file }: EventStoreLocation): DataKeyStore {
  return connectionString ? new EventStoreDbDataKeyStore({ connectionString }) : new SqliteDataKeyStore(file);
}
