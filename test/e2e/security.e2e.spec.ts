import { randomBytes } from 'node:crypto';
import { Role, ROLES } from '../../apps/api/src/auth/role';
import { startTestApp, TestApp } from '../support/test-app';

/** Every route and the one role that may call it; the test fails when a route is missing here. */
const ROUTE_ROLES: Record<string, Role> = {
  'POST /admin/api-keys': 'admin',
  'GET /admin/projections': 'admin',
  'POST /admin/projections/{name}/retry': 'admin',
  'POST /communities': 'service',
  'POST /communities/{id}/residents-returned': 'service',
  'POST /communities/{id}/unpairing': 'service',
  'POST /plans': 'service',
  'POST /plans/import': 'service',
  'POST /plans/{id}/revisions': 'service',
  'POST /plans/{id}/withdrawal': 'service',
  'POST /pairings': 'service',
  'POST /pairings/{id}/team-members': 'service',
  'POST /pairings/{id}/team-members/{memberId}/release': 'service',
  'POST /pairings/{id}/pledges': 'service',
  'POST /pairings/{id}/disbursements': 'service',
  'POST /pairings/{id}/road-map': 'service',
  'POST /pairings/{id}/phase': 'service',
  'POST /needs': 'service',
  'POST /needs/{id}/revisions': 'service',
  'POST /needs/{id}/fulfilment': 'service',
  'POST /needs/{id}/cancellation': 'service',
  'GET /communities': 'analyst',
  'GET /plans': 'analyst',
  'GET /pairings': 'analyst',
  'GET /pairings/{id}': 'analyst',
  'GET /needs': 'analyst',
  'GET /reports/funding': 'analyst',
  'GET /reports/coverage': 'analyst',
  'GET /live': 'analyst',
  'GET /audit/streams/{streamId}': 'auditor',
  'GET /audit/events': 'auditor',
  'GET /audit/verify': 'auditor',
  'GET /audit/public-key': 'auditor',
  'GET /audit/checkpoint': 'auditor',
  'GET /audit/checkpoints': 'auditor',
  'GET /audit/events/{position}/inclusion': 'auditor',
  'GET /audit/consistency': 'auditor',
  'POST /persons/{id}/erasure': 'admin',
  'GET /persons/{id}': 'admin',
  'POST /admin/api-keys/{keyId}/revocation': 'admin',
  'GET /duplicate-flags': 'analyst',
  'POST /duplicate-flags/{id}/resolution': 'service',
  'GET /duplicate-flags/explanation': 'analyst',
  'POST /duplicate-flags/reports': 'service',
  'GET /metrics': 'operator',
};
const PUBLIC = ['GET /health', 'GET /ready'];

describe('security', () => {
  let harness: TestApp;
  beforeAll(async () => (harness = await startTestApp()));
  afterAll(() => harness.stop());

  const routesOf = async (): Promise<string[]> => {
    const doc = (await harness.app.inject({ method: 'GET', url: '/docs-json' })).json();
    return Object.entries(doc.paths as Record<string, object>).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
  };

  it('knows the role of every documented route', async () => {
    const undeclared = (await routesOf()).filter((route) => !(route in ROUTE_ROLES) && !PUBLIC.includes(route));
    expect(undeclared).toEqual([]);
  });

  it('lets each route be called by its role only: every other role gets 403, no key gets 401', async () => {
    const failures: string[] = [];
    for (const route of await routesOf()) {
      if (PUBLIC.includes(route)) continue;
      const [method, path] = route.split(' ');
      const url = path.replace(/\{[^}]+\}/g, 'x');
      const anonymous = await harness.app.inject({ method: method as 'GET', url, payload: method === 'POST' ? {} : undefined });
      if (anonymous.statusCode !== 401) failures.push(`${route} without a key: ${anonymous.statusCode}`);
      for (const role of ROLES) {
        if (route === 'GET /live' && role === ROUTE_ROLES[route]) continue; // an endless stream; covered by live.e2e
        const key = await harness.keyFor(role);
        const response = await harness.app.inject({
          method: method as 'GET',
          url,
          headers: { authorization: `Bearer ${key}` },
          payload: method === 'POST' ? {} : undefined,
        });
        const allowed = ROUTE_ROLES[route] === role;
        if (allowed && [401, 403].includes(response.statusCode)) failures.push(`${route} as ${role}: ${response.statusCode}`);
        if (!allowed && response.statusCode !== 403) failures.push(`${route} as ${role}: ${response.statusCode}, expected 403`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('sends security headers and no CORS permission by default', async () => {
    const response = await harness.app.inject({ method: 'GET', url: '/health', headers: { origin: 'https://evil.example' } });
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['strict-transport-security']).toBeDefined();
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await harness.app.inject({
      method: 'OPTIONS',
      url: '/communities',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses a body over the size limit with 413 in the error shape', async () => {
    const key = await harness.keyFor('service');
    const response = await harness.app.inject({
      method: 'POST',
      url: '/communities',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(1_100_000) }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ error: 'payload-too-large', code: expect.any(String), message: expect.any(String) });
  });
});

describe('rate limiting', () => {
  let harness: TestApp;
  beforeAll(async () => (harness = await startTestApp({ C2G_RATE_LIMIT_PER_MINUTE: '5' })));
  afterAll(() => harness.stop());

  it('answers 429 past the per-key limit, while other keys and health checks go on', async () => {
    const analyst = await harness.keyFor('analyst');
    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      statuses.push((await harness.app.inject({ method: 'GET', url: '/communities', headers: { authorization: `Bearer ${analyst}` } })).statusCode);
    }
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    const limited = await harness.app.inject({ method: 'GET', url: '/communities', headers: { authorization: `Bearer ${analyst}` } });
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ error: 'too-many-requests', message: expect.stringMatching(/at most 5 a minute/) });
    expect(limited.headers['retry-after']).toBeDefined();
    expect((await harness.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
  });
});

describe('keys that do not prove their secret', () => {
  let harness: TestApp;
  // A fresh app per test: each starts with the whole budget of its address.
  beforeEach(async () => (harness = await startTestApp({ C2G_RATE_LIMIT_PER_MINUTE: '5' })));
  afterEach(() => harness.stop());
  const get = (key: string) => harness.app.inject({ method: 'GET', url: '/communities', headers: { authorization: `Bearer ${key}` } });
  const randomKeyId = () => randomBytes(8).toString('hex');
  const randomSecret = () => randomBytes(32).toString('base64url');

  it('refuses the real id of a key with a forged secret: 401, not that key', async () => {
    const analyst = await harness.keyFor('analyst');
    const keyId = /^c2g_([a-z0-9]{16})_/.exec(analyst)![1];
    const forged = await get(`c2g_${keyId}_${randomSecret()}`);
    expect(forged.statusCode).toBe(401);
    expect(forged.json()).toEqual({ error: 'unauthorized', code: 'api-key-invalid', message: 'the API key is not valid or was revoked' });
    // One character off in the secret is a forgery too.
    const last = analyst.slice(-1) === 'A' ? 'B' : 'A';
    expect((await get(`${analyst.slice(0, -1)}${last}`)).statusCode).toBe(401);
  });

  it('counts made-up key ids against the address they come from, not a fresh budget per id', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i += 1) statuses.push((await get(`c2g_${randomKeyId()}_${randomSecret()}`)).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    // A key that proves its secret has its own budget, untouched by the guesses from the same address.
    const service = await harness.keyFor('service');
    expect((await harness.app.inject({ method: 'GET', url: '/audit/verify', headers: { authorization: `Bearer ${service}` } })).statusCode).toBe(403);
  });
});
