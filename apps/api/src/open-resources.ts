import { join } from 'node:path';
import { DataKeyStore, openDataKeyStoreAt, UpcastingEventStore } from '@c2g/event-store';
import { startTracing } from '@c2g/telemetry';
import { allProjections, AsOfBuilds, holdReadModels, ProjectionRunner, ProjectorThread, ReadSide } from '@c2g/projections';
import { ApiKeyRegistry } from './auth/api-key-registry';
import { migrateAccessFile } from './auth/migrate-access-file';
import { startupEventMetadata } from './commands/event-metadata';
import { AppConfig } from './config/app-config';
import { openEventStore } from './event-store/open-event-store';
import { migratePersonFile } from './persons/migrate-person-file';
import { PersonVault } from './persons/person-vault';

/** Resources opened before Nest starts (so failures are one clear line) and owned by the app after. */
export interface AppResources {
  store: UpcastingEventStore;
  apiKeys: ApiKeyRegistry;
  projections: ReadSide;
  asOf: AsOfBuilds;
  persons: PersonVault;
  /** This server's claim on its read-model directory (`c2g replay` refuses while it is held). */
  readModelsLock: { release(): void };
  /** The tracer provider, when tracing is on (OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_TRACES_EXPORTER). */
  tracing?: { stop(): Promise<void> };
}

/** Opens the event store and everything on disk the app needs; closes what was opened if a later step fails. */
export async function openResources(config: AppConfig): Promise<AppResources> {
  const tracing = startTracing(config.tracing, 'api');
  let store: UpcastingEventStore;
  try {
    store = await openEventStore(config);
  } catch (error) {
    await tracing?.stop();
    throw error;
  }
  let keys: DataKeyStore | undefined;
  let readModelsLock: { release(): void } | undefined;
  try {
    // API keys and personal data live in the log (and the key store beside it), so every node
    // sharing the store shares them; files of a node from before that are carried in once.
    keys = openDataKeyStoreAt({ connectionString: config.eventStoreConnectionString, file: join(config.dataDir, 'events.sqlite') });
    const metadata = startupEventMetadata('carry-node-files-into-log', new Date().toISOString());
    await migrateAccessFile(join(config.dataDir, 'access.sqlite'), store, metadata);
    await migratePersonFile(join(config.dataDir, 'persons.sqlite'), store, keys, metadata);
    const persons = new PersonVault(keys, store);
    const readModelsDir = join(config.dataDir, 'read-models');
    readModelsLock = holdReadModels(readModelsDir);
    // Projections run off the request thread by default; C2G_PROJECTOR=inline keeps them in it.
    const projections: ReadSide =
      config.projector === 'thread'
        ? new ProjectorThread({
            readModelsDir,
            connectionString: config.eventStoreConnectionString,
            eventsFile: join(config.dataDir, 'events.sqlite'),
            snapshotEvery: config.snapshotEvery,
            logLevels: config.logLevels,
            logFormat: config.logFormat,
            tracing: config.tracing,
          })
        : new ProjectionRunner({ store, dir: readModelsDir, projections: allProjections(), snapshotEvery: config.snapshotEvery, maxBatchMs: 50 });
    const asOf = new AsOfBuilds({
      readModelsDir,
      connectionString: config.eventStoreConnectionString,
      eventsFile: join(config.dataDir, 'events.sqlite'),
      scratchRoot: join(config.dataDir, 'as-of'),
      concurrency: config.asOfConcurrency,
      queueLimit: 4 * config.asOfConcurrency,
      cacheSize: 8,
    });
    const apiKeys = new ApiKeyRegistry(store, projections, config.readWaitMs);
    return { store, apiKeys, projections, asOf, persons, readModelsLock, tracing };
  } catch (error) {
    readModelsLock?.release();
    void keys?.close();
    void store.close();
    void tracing?.stop();
    throw error;
  }
}

export async function closeResources(resources: AppResources): Promise<void> {
  await resources.projections.stop();
  resources.asOf.close();
  resources.readModelsLock.release();
  await resources.persons.close();
  await resources.store.close();
  await resources.tracing?.stop();
}
