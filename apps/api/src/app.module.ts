import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from './auth/auth.module';
import { APP_CONFIG, AppConfig } from './config/app-config';
import { EventStoreModule } from './event-store/event-store.module';
import { AuditController } from './audit/audit.controller';
import { TransparencyModule } from './audit/transparency/transparency.module';
import { CommandsModule } from './commands/commands.module';
import { HealthController } from './health/health.controller';
import { PersonsModule } from './persons/persons.module';
import { QueriesModule } from './queries/queries.module';
import { SecurityModule } from './security/security.module';
import { AppResources } from './open-resources';
import { ReadModelsModule } from './read-models/read-models.module';
import { ObservabilityModule } from './observability/observability.module';


@Module({})
export class AppModule {
  static forRoot(config: AppConfig, resources: AppResources): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        EventStoreModule.withStore(resources.store),
        // The rate limiter is the first guard, so refused keys are counted too (by address).
        SecurityModule.forConfig(config),
        AuthModule.withRegistry(resources.apiKeys),
        ReadModelsModule.withRunner(resources.projections, resources.asOf, resources.readModelsLock),
        PersonsModule.withStore(resources.persons),
        ObservabilityModule.withTracing(resources.tracing),
        CommandsModule,
        QueriesModule,
        TransparencyModule.forConfig(config),
      ],
      controllers: [HealthController, AuditController],
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
