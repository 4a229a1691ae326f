import { join } from 'node:path';
import { UpcastingEventStore } from '@c2g/event-store';
import { startTracing } from '@c2g/telemetry';
import { allProjections, AsOfBuilds, holdReadModels, ProjectionRunner, ProjectorThread, ReadSide } from '@c2g/projections';
import { openAccessDatabase } from './auth/access-database';
import { ApiKeyRegistry } from './auth/api-key-registry';
import { AppConfig } from './config/app-config';
import { openEventStore } from './event-store/open-event-store';
import { PersonStore } from './persons/person-store';

/** Resources opened before Nest starts (so failures are one clear line) and owned by the app after. */
export interface AppResources {
  store: UpcastingEventStore;
  apiKeys: ApiKeyRegistry;
  projections: ReadSide;
  asOf: AsOfBuilds;
  persons: PersonStore;
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
  let apiKeys: ApiKeyRegistry | undefined;
  let persons: PersonStore | undefined;
  let readModelsLock: { release(): void } | undefined;
  try {
    apiKeys = new ApiKeyRegistry(openAccessDatabase(join(config.dataDir, 'access.sqlite')));
    persons = PersonStore.open(join(config.dataDir, 'persons.sqlite'));
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
    return { store, apiKeys, projections, asOf, persons, readModelsLock, tracing };
  } catch (error) {
    readModelsLock?.release();
    persons?.close();
    apiKeys?.close();
    void store.close();
    void tracing?.stop();
    throw error;
  }
}

export async function closeResources(resources: AppResources): Promise<void> {
  await resources.projections.stop();
  resources.asOf.close();
  resources.readModelsLock.release();
  resources.apiKeys.close();
  resources.persons.close();
  await resources.store.close();
  await resources.tracing?.stop();
}
