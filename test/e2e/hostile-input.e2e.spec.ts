import * as fc from 'fast-check';
import { boston, kfarAza, kfarAzaBoston } from '../support/program-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

/** Every command route, with ids that exist (so a valid body would be applied). */
const COMMAND_ROUTES = [
  '/communities',
  '/communities/kfar-aza/residents-returned',
  '/communities/kfar-aza/unpairing',
  '/plans',
  '/plans/import',
  '/plans/tkm-1/revisions',
  '/plans/tkm-1/withdrawal',
  '/pairings',
  '/pairings/kfar-aza-boston/team-members',
  '/pairings/kfar-aza-boston/team-members/m1/release',
  '/pairings/kfar-aza-boston/pledges',
  '/pairings/kfar-aza-boston/disbursements',
  '/pairings/kfar-aza-boston/road-map',
  '/pairings/kfar-aza-boston/phase',
  '/needs',
  '/needs/n1/revisions',
  '/needs/n1/fulfilment',
  '/needs/n1/cancellation',
  '/duplicate-flags/0123456789abcdef0123456789abcdef/resolution',
  '/admin/api-keys',
];

/** Raw bodies no route may accept. */
const HOSTILE_BODIES: [string, string][] = [
  ['malformed JSON', '{"name": "Kfar Aza",'],
  ['a JSON array', '[1,2,3]'],
  ['a JSON string', '"hello"'],
  ['null', 'null'],
  ['prototype pollution via __proto__', '{"__proto__": {"polluted": "yes"}, "name": "x"}'],
  ['prototype pollution via constructor', '{"constructor": {"prototype": {"polluted": "yes"}}}'],
  ['an unknown field', '{"isAdmin": true}'],
  ['huge numbers', '{"year": 1e308, "amount": {"amount": 1e308, "currency": "USD"}}'],
  ['negative and fractional money', '{"amount": {"amount": -5.5, "currency": "USD"}, "estimatedCost": {"amount": 0.1, "currency": "USD"}}'],
  ['invalid dates', '{"date": "2025-13-45", "window": {"from": "yesterday", "to": "2025-02-30"}}'],
  ['a lone surrogate', '{"name": "\\ud800", "title": "\\udfff", "reason": "\\ud800"}'],
  ['path traversal in ids', '{"id": "../../etc/passwd", "pairingId": "..%2F..", "pledgeId": "/etc/shadow"}'],
  ['SQL injection strings', `{"id": "x'; DROP TABLE events; --", "name": "' OR 1=1 --", "reason": "'; DELETE FROM events; --"}`],
  ['wrong types everywhere', '{"name": 42, "kind": ["israeli"], "year": "one", "to": {"phase": 1}, "role": null, "milestones": "many"}'],
  ['deep nesting', `{"a": ${'['.repeat(5000)}${']'.repeat(5000)}}`],
  ['a 200 KB string', JSON.stringify({ name: 'x'.repeat(200_000), reason: 'y'.repeat(200_000), title: 'z'.repeat(200_000) })],
];

describe('hostile input on every command route', () => {
  let harness: TestApp;
  let service: string;
  let admin: string;
  const head = async () => (await harness.app.inject({ method: 'GET', url: '/ready' })).json().store.headPosition as string;
  const send = (url: string, payload: string, key = url.startsWith('/admin') ? admin : service) =>
    harness.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, payload });

  beforeAll(async () => {
    harness = await startTestApp({ C2G_RATE_LIMIT_PER_MINUTE: '1000000' });
    service = await harness.keyFor('service');
    admin = await harness.keyFor('admin');
    for (const [url, body] of [['/communities', kfarAza], ['/communities', boston], ['/pairings', kfarAzaBoston]] as const) {
      expect((await send(url, JSON.stringify(body))).statusCode).toBe(201);
    }
  });
  afterAll(() => harness.stop());

  it.each(HOSTILE_BODIES)('refuses %s with a clear 4xx and writes nothing', async (_, payload) => {
    const before = await head();
    for (const url of COMMAND_ROUTES) {
      const response = await send(url, payload);
      expect({ url, status: response.statusCode }).toEqual({ url, status: expect.any(Number) });
      expect(response.statusCode).toBeGreaterThanOrEqual(400);
      expect(response.statusCode).toBeLessThan(500);
      const body = response.json();
      expect(body).toEqual(expect.objectContaining({ error: expect.any(String), code: expect.any(String), message: expect.any(String) }));
      expect(response.body).not.toMatch(/\bat .+\.(ts|js):\d+/);
    }
    expect(await head()).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses hostile ids in the path', async () => {
    const before = await head();
    for (const url of ['/pairings/..%2F..%2Fetc%2Fpasswd/phase', '/needs/%00/fulfilment', `/plans/${'a'.repeat(65)}/withdrawal`, '/communities/Kfar%20Aza/residents-returned']) {
      const response = await send(url, '{"to":"immediate-relief","reason":"x","date":"2025-01-01"}');
      expect([400, 404]).toContain(response.statusCode);
    }
    expect(await head()).toBe(before);
  });

  it('answers any random JSON on any route with a 4xx, never a 5xx, and writes nothing', async () => {
    const before = await head();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...COMMAND_ROUTES), fc.jsonValue({ maxDepth: 4 }), async (url, value) => {
        const response = await send(url, JSON.stringify(value));
        expect(response.statusCode).toBeGreaterThanOrEqual(400);
        expect(response.statusCode).toBeLessThan(500);
      }),
      { numRuns: 300 },
    );
    expect(await head()).toBe(before);
  }, 60_000);
});
