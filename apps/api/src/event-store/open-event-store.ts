import { join } from 'node:path';
import { upcasters } from '@c2g/domain';
import { SqliteEventStore, UpcastingEventStore } from '@c2g/event-store';
import { AppConfig } from '../config/app-config';

/**
 * Opens the configured store before Nest starts, so a bad data directory or foreign file
 * is reported as one clear line instead of a framework stack trace.
 */
export function openEventStore(config: AppConfig): UpcastingEventStore {
  const raw = new SqliteEventStore({
    file: join(config.dataDir, 'events.sqlite'),
    synchronous: config.sqliteSynchronous,
  });
  // Everything reads events in today's shape; audit and verification read `raw`.
  return new UpcastingEventStore(raw, [...upcasters]);
}
