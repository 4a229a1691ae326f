import * as fc from 'fast-check';
import type { Response as InjectResponse } from 'light-my-request';
import { BodyMutation, bodyMutations, coupledFields } from '../support/body-mutations';
import { buildWorld, CommandRoute, commandRoutes, World } from '../support/command-catalogue';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Hostile bodies that are valid except for one mutated field: a check that is missing for any
 * one field shows up as that mutation being accepted (or refused for another reason). Every
 * mutation must be a 400 naming exactly that field, must write nothing, and the good body it
 * was made from must then be accepted, so the test cannot pass by refusing everything.
 */

const STACK_TRACE = /\bat .+\.(ts|js):\d+/;
/** The catalogue's routes, named before the world (and its duplicate flag id) exists. */
const ROUTE_NAMES = commandRoutes({ flagId: ':flag' }).map((route) => `POST ${route.url}`);

/** Bodies that are wrong as a whole, on every JSON route: each is a 400 with this code. */
const WHOLE_BODIES: [string, string, string][] = [
  ['malformed JSON', '{"name": "Kfar Aza",', 'invalid-json'],
  ['an empty body', '', 'invalid-json'],
  ['only whitespace', ' \n\t ', 'invalid-json'],
  ['a JSON array', '[1,2,3]', 'validation-failed'],
  ['a JSON string', '"hello"', 'validation-failed'],
  ['a JSON number', '42', 'validation-failed'],
  ['null', 'null', 'validation-failed'],
  ['two JSON values', '{} {}', 'invalid-json'],
  ['a top-level __proto__', '{"__proto__": {"polluted": "yes"}}', 'validation-failed'],
  ['a nested constructor.prototype', '{"a": [{"constructor": {"prototype": {"polluted": "yes"}}}]}', 'validation-failed'],
  ['Infinity deep inside', '{"a": {"b": [0, 1e999]}}', 'validation-failed'],
  ['deep nesting', `{"a": ${'['.repeat(5000)}${']'.repeat(5000)}}`, 'body-too-deep'],
  ['SQL injection strings', `{"id": "x'; DROP TABLE events; --", "name": "' OR 1=1 --", "reason": "'; DELETE FROM events; --"}`, 'validation-failed'],
  ['a 200 KB string', JSON.stringify({ unexpected: 'x'.repeat(200_000) }), 'validation-failed'],
];

describe('hostile input on every command route', () => {
  let harness: TestApp;
  let world: World;
  let routes: CommandRoute[];
  const head = async () => (await harness.app.inject({ method: 'GET', url: '/ready' })).json().store.headPosition as string;
  const send = async (route: CommandRoute, payload: string, contentType = 'application/json') =>
    harness.app.inject({
      method: 'POST',
      url: route.url,
      headers: { authorization: `Bearer ${await harness.keyFor(route.role ?? 'service')}`, 'content-type': contentType },
      payload,
    });

  /** What is wrong with the answer to a mutation, or undefined when it is the promised 400. */
  function judge(response: InjectResponse, { field }: BodyMutation): string | undefined {
    const text = response.body.slice(0, 300);
    if (response.statusCode !== 400) return `answered ${response.statusCode} ${text}`;
    if (STACK_TRACE.test(response.body)) return `leaked a stack trace: ${text}`;
    const body = response.json();
    if (body.error !== 'bad-request' || body.code !== 'validation-failed' || typeof body.message !== 'string') return `not the error shape: ${text}`;
    const named = (body.details as { field: string }[]).map((d) => d.field);
    if (!named.includes(field)) return `named ${JSON.stringify(named)} instead`;
    const others = named.filter((f) => f !== field && !coupledFields(field).includes(f));
    if (others.length > 0) return `also blamed ${JSON.stringify(others)}`;
    if (!body.message.includes(field)) return `message does not name it: ${body.message}`;
    return undefined;
  }

  beforeAll(async () => {
    harness = await startTestApp({ C2G_RATE_LIMIT_PER_MINUTE: '10000000' });
    world = await buildWorld(harness);
    routes = commandRoutes(world);
  }, 30_000);
  afterAll(() => harness.stop());

  it.each(ROUTE_NAMES.map((name, index) => [name, index] as const))(
    '%s: every one-field mutation is a 400 naming the field, writes nothing, and the good body is then accepted',
    async (_name, index) => {
      const route = routes[index];
      const before = await head();
      const mutations = bodyMutations(route);
      const checked = mutations.filter((m) => !route.knownGaps?.some((gap) => gap.field === m.field && gap.mutation === m.mutation));
      const failures: string[] = [];
      // A few at a time: each must be refused, so none can change what the others meet.
      for (let i = 0; i < checked.length; i += 8) {
        await Promise.all(checked.slice(i, i + 8).map(async (mutation) => {
          const problem = judge(await send(route, mutation.payload), mutation);
          if (problem) failures.push(`${mutation.field} ← ${mutation.mutation}: ${problem}`);
        }));
      }
      expect(failures).toEqual([]);
      expect(mutations.length).toBeGreaterThan(20);
      expect(await head()).toBe(before);

      const good = await send(route, JSON.stringify(route.body));
      expect({ status: good.statusCode, body: good.body }).toEqual({ status: route.accepted, body: good.body });
      if (route.role !== 'admin') expect(BigInt(await head())).toBeGreaterThan(BigInt(before));
    },
    30_000,
  );

  it.each(WHOLE_BODIES)('refuses %s on every JSON command route with a 400 and writes nothing', async (_label, payload, code) => {
    const before = await head();
    const answers = [];
    for (const route of routes) {
      const response = await send(route, payload);
      answers.push({ url: route.url, status: response.statusCode, code: response.json().code, stack: STACK_TRACE.test(response.body) });
    }
    expect(answers).toEqual(routes.map((route) => ({ url: route.url, status: 400, code, stack: false })));
    expect(await head()).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses hostile ids in the path with a 400 naming the path, and writes nothing', async () => {
    const before = await head();
    const service = await harness.keyFor('service');
    const answers = [];
    for (const url of ['/pairings/..%2F..%2Fetc%2Fpasswd/phase', '/needs/%00/fulfilment', `/plans/${'a'.repeat(65)}/withdrawal`, '/communities/Kfar%20Aza/residents-returned', '/needs/%E2%80%AEn1/cancellation']) {
      const response = await harness.app.inject({
        method: 'POST', url, headers: { authorization: `Bearer ${service}`, 'content-type': 'application/json' },
        payload: '{"to":"immediate-relief","reason":"x","date":"2025-01-01"}',
      });
      answers.push({ url, status: response.statusCode, field: response.json().details?.[0]?.field });
    }
    expect(answers.map(({ url }) => ({ url, status: 400, field: 'path:id' }))).toEqual(answers);
    expect(await head()).toBe(before);
  });

  it('answers any random JSON, or any text sent as JSON, on any route with a 4xx, never a 5xx, and writes nothing', async () => {
    const before = await head();
    const urls = [...routes.map((route) => route.url), '/plans/import'];
    const body = fc.oneof(
      fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
      fc.string({ maxLength: 40, unit: 'binary' }),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...urls), body, async (url, payload) => {
        const route = routes.find((r) => r.url === url) ?? { url, body: {}, accepted: 200 };
        const response = await send(route, payload);
        expect(response.statusCode).toBeGreaterThanOrEqual(400);
        expect(response.statusCode).toBeLessThan(500);
        expect(STACK_TRACE.test(response.body)).toBe(false);
      }),
      { numRuns: 300 },
    );
    expect(await head()).toBe(before);
  }, 60_000);
});
