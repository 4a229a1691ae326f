import { DynamicModule, Module } from '@nestjs/common';
import { EventStore } from '@c2g/event-store';
import { APP_CONFIG, AppConfig } from './config/app-config';
import { EventStoreModule } from './event-store/event-store.module';
import { HealthController } from './health/health.controller';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, store: EventStore): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [EventStoreModule.withStore(store)],
      controllers: [HealthController],
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
