import { ApiKeyRegistry } from './api-key-registry';
import { Principal } from './role';

/** What a request's Authorization header proved, worked out once per request. */
export type Authentication =
  | { outcome: 'authenticated'; principal: Principal }
  | { outcome: 'missing' }
  | { outcome: 'invalid' };

const MEMO = Symbol('c2g:authentication');

/**
 * Checks the bearer key of a request against the registry (secret included), once: the
 * rate limiter and the access guard both ask, and only a key that proved its secret may
 * be counted under its own id — a request merely claiming a key id counts as its address.
 */
export function authenticateRequest(request: Record<string | symbol, any>, registry: ApiKeyRegistry): Authentication { // eslint-disable-line @typescript-eslint/no-explicit-any
  const known = request[MEMO] as Authentication | undefined;
  if (known) return known;
  const header: unknown = request.headers?.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  const principal = match ? registry.authenticate(match[1]) : undefined;
  const result: Authentication = !match ? { outcome: 'missing' } : principal ? { outcome: 'authenticated', principal } : { outcome: 'invalid' };
  request[MEMO] = result;
  return result;
}
