import { EventStore } from './port/event-store';
import { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store';
import { SqliteSynchronous } from './sqlite/open-sqlite-database';
import { SqliteEventStore } from './sqlite/sqlite-event-store';

export interface EventStoreLocation {
  /** EVENTSTORE_CONNECTION_STRING: set, events live in EventStoreDB. */
  connectionString?: string;
  /** EventStoreDB: the cluster's MaxAppendSize (default 1 MiB). */
  maxAppendSize?: number;
  /** Otherwise this SQLite file. */
  file: string;
  synchronous?: SqliteSynchronous;
  /** SQLite: how often a live subscription looks for appends made by another connection. */
  foreignAppendPollMs?: number;
}

/** The one place that picks the adapter, for the API and the CLI alike. */
export function openEventStoreAt({ connectionString, maxAppendSize, file, synchronous, foreignAppendPollMs }: EventStoreLocation): EventStore {
  return connectionString ? new EventStoreDbEventStore({ connectionString, maxAppendSize }) : new SqliteEventStore({ file, synchronous, foreignAppendPollMs });
}
