import { DynamicModule, Module } from '@nestjs/common';
import { EventStore } from '@c2g/event-store';
import { ApiKeyRegistry } from './auth/api-key-registry';
import { AuthModule } from './auth/auth.module';
import { APP_CONFIG, AppConfig } from './config/app-config';
import { EventStoreModule } from './event-store/event-store.module';
import { HealthController } from './health/health.controller';

/** Resources opened before Nest starts (so failures are one clear line) and owned by the app after. */
export interface AppResources {
  store: EventStore;
  apiKeys: ApiKeyRegistry;
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, resources: AppResources): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [EventStoreModule.withStore(resources.store), AuthModule.withRegistry(resources.apiKeys)],
      controllers: [HealthController],
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
