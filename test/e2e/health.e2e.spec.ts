import { startTestApp } from '../support/test-app';

describe('health and readiness', () => {
  let harness: Awaited<ReturnType<typeof startTestApp>>;
  beforeAll(async () => (harness = await startTestApp()));
  afterAll(() => harness.stop());

  it('GET /health answers ok without a key', async () => {
    const response = await harness.app.inject({ method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('GET /ready reports the store reachable with its head position', async () => {
    const response = await harness.app.inject({ method: 'GET', url: '/ready' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ready', store: { reachable: true, headPosition: '0' }, projections: expect.any(Array) });
  });

  it('answers an unknown route with the error shape and no stack trace', async () => {
    const response = await harness.app.inject({ method: 'GET', url: '/no-such-route' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: 'not-found', code: 'not-found', message: 'Cannot GET /no-such-route' });
    expect(response.body).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe('API documentation', () => {
  let harness: Awaited<ReturnType<typeof startTestApp>>;
  beforeAll(async () => (harness = await startTestApp()));
  afterAll(() => harness.stop());

  it('serves the OpenAPI document without a key, with bearer auth declared', async () => {
    const response = await harness.app.inject({ method: 'GET', url: '/docs-json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toMatch(/^3\./);
    expect(document.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(Object.keys(document.paths)).toContain('/admin/api-keys');
  });

  it('serves the interactive documentation page at /docs', async () => {
    const response = await harness.app.inject({ method: 'GET', url: '/docs' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/html/);
  });
});
