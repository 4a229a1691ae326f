import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { API_KEY_REGISTRY, ApiKeyGuard } from './api-key.guard';
import { ApiKeyRegistry } from './api-key-registry';
import { ApiKeysController } from './api-keys.controller';

@Injectable()
class RegistryCloser implements OnApplicationShutdown {
  constructor(@Inject(API_KEY_REGISTRY) private readonly registry: ApiKeyRegistry) {}

  onApplicationShutdown(): void {
    this.registry.close();
  }
}

@Global()
@Module({})
export class AuthModule {
  static withRegistry(registry: ApiKeyRegistry): DynamicModule {
    return {
      module: AuthModule,
      controllers: [ApiKeysController],
      providers: [
        { provide: API_KEY_REGISTRY, useValue: registry },
        { provide: APP_GUARD, useClass: ApiKeyGuard },
        RegistryCloser,
      ],
      exports: [API_KEY_REGISTRY],
    };
  }
}
