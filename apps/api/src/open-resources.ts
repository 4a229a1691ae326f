import { join } from 'node:path';
import { AppResources } from './app.module';
import { openAccessDatabase } from './auth/access-database';
import { ApiKeyRegistry } from './auth/api-key-registry';
import { AppConfig } from './config/app-config';
import { openEventStore } from './event-store/open-event-store';

/** Opens everything on disk the app needs; closes what was opened if a later step fails. */
export function openResources(config: AppConfig): AppResources {
  const store = openEventStore(config);
  try {
    const apiKeys = new ApiKeyRegistry(openAccessDatabase(join(config.dataDir, 'access.sqlite')));
    return { store, apiKeys };
  } catch (error) {
    void store.close();
    throw error;
  }
}
