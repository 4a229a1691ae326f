import { join } from 'node:path';
import { upcasters } from '@c2g/domain';
import { EventStore, openEventStoreAt, StoreOpenError, UpcastingEventStore } from '@c2g/event-store';
import { AppConfig } from '../config/app-config';

const REACHABLE_WITHIN_MS = 10_000;

/**
 * Opens the configured store before Nest starts, so a bad data directory, a foreign file or
 * an unreachable EventStoreDB is reported as one clear line instead of a framework stack trace.
 */
export async function openEventStore(config: AppConfig): Promise<UpcastingEventStore> {
  const { eventStoreConnectionString: connectionString } = config;
  const raw = openEventStoreAt({ connectionString, maxAppendSize: config.eventStoreMaxAppendSize, file: join(config.dataDir, 'events.sqlite'), synchronous: config.sqliteSynchronous });
  if (connectionString) await reachable(raw, connectionString);
  // Everything reads events in today's shape; audit and verification read `raw`.
  return new UpcastingEventStore(raw, [...upcasters]);
}

/** Asks the server for the head of the log; gives up with the address (never the credentials). */
async function reachable(store: EventStore, connectionString: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${REACHABLE_WITHIN_MS / 1000} s`)), REACHABLE_WITHIN_MS);
  });
  try {
    await Promise.race([store.headPosition(), timedOut]);
  } catch (error) {
    void store.close().catch(() => undefined);
    throw new StoreOpenError(`EventStoreDB at ${withoutCredentials(connectionString)} is unreachable: ${(error as Error).message.replace(/^EventStoreDB is unreachable: /, '')}`);
  } finally {
    clearTimeout(timer);
  }
}

export function withoutCredentials(connectionString: string): string {
  return connectionString.replace(/\/\/[^@/]*@/, '//').replace(/\?.*$/, '');
}
