import { join } from 'node:path';
import { EventStore, SqliteEventStore } from '@c2g/event-store';
import { AppConfig } from '../config/app-config';

/**
 * Opens the configured store before Nest starts, so a bad data directory or foreign file
 * is reported as one clear line instead of a framework stack trace.
 */
export function openEventStore(config: AppConfig): EventStore {
  return new SqliteEventStore({
    file: join(config.dataDir, 'events.sqlite'),
    synchronous: config.sqliteSynchronous,
  });
}
