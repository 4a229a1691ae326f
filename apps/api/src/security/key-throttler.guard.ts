import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { parseApiKey } from '../auth/api-key-secret';

/**
 * Rate limits per API key (by its public key id, never the secret), and per client address
 * for requests without a well-formed key — so guessing keys is throttled too.
 */
@Injectable()
export class KeyThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, any>): Promise<string> { // eslint-disable-line @typescript-eslint/no-explicit-any
    const header: unknown = request.headers?.authorization;
    const key = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header)?.[1] : undefined;
    const parsed = key ? parseApiKey(key) : undefined;
    return parsed ? `key:${parsed.keyId}` : `ip:${request.ip}`;
  }
}
