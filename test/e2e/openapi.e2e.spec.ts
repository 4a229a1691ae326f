import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startTestApp, TestApp } from '../support/test-app';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');
/** Served but not part of the API contract: the documentation itself and the console's static files. */
const NOT_API = [/^\/docs/, /^\*$/, /^\/console/];

type Operation = {
  summary?: string;
  description?: string;
  'x-required-role'?: string;
  security?: unknown[];
  parameters?: { name: string; in: string }[];
  responses: Record<string, unknown>;
};

/** Every "METHOD /path" Fastify serves, from its route tree (HEAD is Fastify's shadow of GET). */
function servedRoutes(tree: string): string[] {
  const stack: string[] = [];
  const routes: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^(.*?)[├└]── (.+?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1].length / 4;
    stack.length = depth;
    stack.push(match[2]);
    const path = stack.join('');
    for (const method of (match[3] ?? '').split(', ').filter((m) => m && m !== 'HEAD' && m !== 'OPTIONS')) {
      routes.push(`${method} ${path.replace(/:(\w+)/g, '{$1}')}`);
    }
  }
  return routes.filter((route) => !NOT_API.some((pattern) => pattern.test(route.split(' ')[1]))).sort();
}

describe('OpenAPI document', () => {
  let harness: TestApp;
  let doc: { paths: Record<string, Record<string, Operation>>; components: { securitySchemes: Record<string, { bearerFormat?: string }>; schemas: Record<string, any> } };
  beforeAll(async () => {
    harness = await startTestApp();
    doc = (await harness.app.inject({ method: 'GET', url: '/docs-json' })).json();
  });
  afterAll(() => harness.stop());

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, op })));

  it('is clean under @redocly/cli lint (recommended rules), offline', async () => {
    const file = join(harness.dataDir, 'openapi.json');
    const attempts = join(harness.dataDir, 'network-attempts.log');
    writeFileSync(file, JSON.stringify(doc));
    const lint = await run(
      process.execPath,
      ['--require', join(ROOT, 'test/support/no-network.js'), join(ROOT, 'node_modules/@redocly/cli/bin/cli.js'), 'lint', file,
        '--config', join(ROOT, 'redocly.yaml'), '--format', 'json'],
      { cwd: harness.dataDir, env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', C2G_NETWORK_ATTEMPTS: attempts, CI: 'true' } },
    ).catch((failed: { stdout: string; stderr: string }) => failed);
    const report = JSON.parse(lint.stdout.slice(lint.stdout.indexOf('{'))) as { totals: Record<string, number>; problems: { ruleId: string; message: string; location: { pointer: string }[] }[] };
    // /health and /ready are probes exempt from the rate limit and keys: they never answer a 4xx, and say so.
    const probes = ['#/paths/~1health/get/responses', '#/paths/~1ready/get/responses'];
    const problems = report.problems.map((p) => `${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`);
    expect(problems.filter((p) => !probes.some((probe) => p.startsWith(`operation-4xx-response at ${probe}:`)))).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: problems.length });
    expect(existsSync(attempts) ? readFileSync(attempts, 'utf8') : '').toBe('');
  });

  it('documents exactly the routes the app serves', async () => {
    const served = servedRoutes(harness.app.getHttpAdapter().getInstance().printRoutes({ commonPrefix: false }));
    const documented = operations().map(({ route }) => route).sort();
    expect(served.length).toBeGreaterThan(30);
    expect(documented).toEqual(served);
  });

  it("states each route's role as the guard enforces it, with a summary and its error answers", async () => {
    const byRoute = new Map(operations().map(({ route, op }) => [route, op]));
    expect(byRoute.get('POST /pairings')!['x-required-role']).toBe('service');
    expect(byRoute.get('GET /reports/funding')!['x-required-role']).toBe('analyst');
    expect(byRoute.get('GET /metrics')!['x-required-role']).toBe('operator');
    expect(byRoute.get('GET /health')!).toMatchObject({ 'x-required-role': 'none', security: [] });
    expect(Object.keys(byRoute.get('GET /health')!.responses)).toEqual(['200']); // no key, no rate limit (@SkipThrottle)
    expect(byRoute.get('POST /pairings')!.description).toMatch(/^\*\*Role:\*\* `service`/);
    const gaps = operations().flatMap(({ route, op }) => [
      ...(typeof op.summary === 'string' ? [] : [`${route}: no summary`]),
      ...(typeof op['x-required-role'] === 'string' && op['x-required-role'] !== 'unknown' ? [] : [`${route}: role unknown`]),
      ...(op['x-required-role'] === 'none' || ['401', '403', '429'].every((status) => status in op.responses) ? [] : [`${route}: no 401/403/429`]),
    ]);
    expect(gaps).toEqual([]);
  });

  it('documents the command headers, the error shape, integer money and the sector taxonomy', () => {
    const pledge = doc.paths['/pairings/{id}/pledges'].post;
    expect(pledge.parameters!.filter((p) => p.in === 'header').map((p) => p.name).sort()).toEqual(['Idempotency-Key', 'If-Match', 'X-Correlation-Id']);
    expect(Object.keys(pledge.responses).sort()).toEqual(['201', '400', '401', '403', '404', '409', '413', '415', '422', '429', '503']);
    expect(JSON.stringify(pledge.responses['422'])).toContain('pledge-outside-term');
    expect(doc.components.schemas.ErrorBodySchema.required).toEqual(['error', 'code', 'message']);
    expect(doc.components.schemas.CommandResultSchema.properties.position.type).toBe('integer');
    expect(doc.components.schemas.MoneyDto.properties.amount.type).toBe('integer');
    expect(doc.components.schemas.RecordNeedDto.properties.sector.enum).toContain('immediate-relief-goods');
    expect(doc.components.schemas.RegisterPlanDto.properties.source.enum).toEqual(['tekuma', 'municipality', 'regional-council', 'ministry']);
    expect(doc.components.securitySchemes.bearer.bearerFormat).not.toBe('JWT');
  });

  it('describes the answers the app really gives: a command result and the error shape', async () => {
    const headers = { authorization: `Bearer ${await harness.keyFor('service')}` };
    const community = { id: 'erez', name: 'Erez', kind: 'israeli', settlementType: 'kibbutz', regionalCouncil: "Sha'ar HaNegev", country: 'IL' };
    const accepted = await harness.app.inject({ method: 'POST', url: '/communities', headers, payload: community });
    const refused = await harness.app.inject({ method: 'POST', url: '/communities', headers, payload: { ...community, kind: 'martian' } });
    const { CommandResultSchema: result, ErrorBodySchema: error } = doc.components.schemas;
    expect(accepted.statusCode).toBe(201);
    expect(Object.keys(accepted.json()).sort()).toEqual(Object.keys(result.properties).sort());
    expect(result.required.sort()).toEqual(Object.keys(result.properties).sort());
    expect(refused.statusCode).toBe(400);
    expect(Object.keys(refused.json()).sort()).toEqual(Object.keys(error.properties).sort());
    expect(Object.keys(refused.json().details[0]).sort()).toEqual(['field', 'problems']);
  });
});
