import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { API_KEY_REGISTRY, ApiKeyGuard } from './api-key.guard';
import { ApiKeyRegistry } from './api-key-registry';
import { ApiKeysController } from './api-keys.controller';

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
      ],
      exports: [API_KEY_REGISTRY],
    };
  }
}
