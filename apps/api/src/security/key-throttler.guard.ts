import { ExecutionContext, Inject, Injectable, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectThrottlerOptions, InjectThrottlerStorage, ThrottlerGuard, ThrottlerLimitDetail, ThrottlerModuleOptions, ThrottlerStorage } from '@nestjs/throttler';
import { API_KEY_REGISTRY } from '../auth/api-key.guard';
import { ApiKeyRegistry } from '../auth/api-key-registry';
import { authenticateRequest } from '../auth/authenticate-request';
import { Metrics } from '../observability/metrics';

/**
 * Rate limits per API key once the key has proved its secret, and per client address
 * before that — so requests with made-up or guessed keys (well-formed ids or not) all
 * count against their address, and a key id alone never buys a fresh budget.
 */
@Injectable()
export class KeyThrottlerGuard extends ThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    @Inject(API_KEY_REGISTRY) private readonly registry: ApiKeyRegistry,
    @Optional() private readonly metrics?: Metrics,
  ) {
    super(options, storage, reflector);
  }

  protected override async getTracker(request: Record<string, any>): Promise<string> { // eslint-disable-line @typescript-eslint/no-explicit-any
    const authentication = authenticateRequest(request, this.registry);
    return authentication.outcome === 'authenticated' ? `key:${authentication.principal.keyId}` : `ip:${request.ip}`;
  }

  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    this.metrics?.rateLimited.inc();
    return super.throwThrottlingException(context, detail);
  }
}
