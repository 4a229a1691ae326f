import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from '../config/app-config';
import { KeyThrottlerGuard } from './key-throttler.guard';
import { SlidingWindowThrottlerStorage } from './sliding-window-throttler-storage';

@Module({})
export class SecurityModule {
  static forConfig(config: AppConfig): DynamicModule {
    return {
      module: SecurityModule,
      imports: [
        ThrottlerModule.forRoot({
          throttlers: [{ ttl: 60_000, limit: config.rateLimitPerMinute }],
          storage: new SlidingWindowThrottlerStorage(),
          errorMessage: `too many requests: at most ${config.rateLimitPerMinute} a minute per API key; retry after the Retry-After seconds`,
        }),
      ],
      providers: [{ provide: APP_GUARD, useClass: KeyThrottlerGuard }],
    };
  }
}
