import Database from 'better-sqlite3';
import { join } from 'node:path';
import { startTestApp, TEST_ADMIN_KEY, TestApp } from '../support/test-app';

describe('API keys and roles', () => {
  let harness: TestApp;
  beforeAll(async () => (harness = await startTestApp()));
  afterAll(() => harness.stop());

  const issue = (key: string | undefined, payload: unknown) =>
    harness.app.inject({
      method: 'POST',
      url: '/admin/api-keys',
      headers: key ? { authorization: `Bearer ${key}` } : {},
      payload: payload as object,
    });

  it('issues a key once, for a role, and stores only its hash', async () => {
    const response = await issue(TEST_ADMIN_KEY, { role: 'analyst', label: 'dashboard' });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({ role: 'analyst', label: 'dashboard' });
    expect(body.key).toMatch(/^c2g_[a-z0-9]{16}_[A-Za-z0-9_-]{43}$/);

    const raw = new Database(join(harness.dataDir, 'access.sqlite'), { readonly: true });
    const rows = raw.prepare('SELECT * FROM api_keys').all() as Record<string, string>[];
    raw.close();
    const secret = body.key.split('_').slice(2).join('_');
    for (const row of rows) expect(Object.values(row).join(' ')).not.toContain(secret);
    expect(rows.find((r) => r.key_id === body.keyId)?.secret_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('answers 401 without a key and with an unknown one', async () => {
    const missing = await issue(undefined, { role: 'service', label: 'x' });
    expect(missing.statusCode).toBe(401);
    expect(missing.json()).toMatchObject({ code: 'api-key-missing' });
    const forged = await issue('c2g_0123456789abcdef_' + 'A'.repeat(43), { role: 'service', label: 'x' });
    expect(forged.statusCode).toBe(401);
    expect(forged.json()).toMatchObject({ code: 'api-key-invalid' });
  });

  it('answers 403 naming the needed role when the key has another', async () => {
    const analystKey = await harness.keyFor('analyst');
    const response = await issue(analystKey, { role: 'admin', label: 'escalation' });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'role-forbidden', message: expect.stringMatching(/needs the role admin.*analyst/) });
  });

  it('accepts a key it issued', async () => {
    const serviceKey = await harness.keyFor('service');
    const response = await harness.app.inject({ method: 'GET', url: '/health', headers: { authorization: `Bearer ${serviceKey}` } });
    expect(response.statusCode).toBe(200);
  });
});

describe('API key requests that are malformed', () => {
  let harness: TestApp;
  beforeAll(async () => (harness = await startTestApp()));
  afterAll(() => harness.stop());

  it('names every bad field and refuses unknown ones', async () => {
    const response = await harness.app.inject({
      method: 'POST',
      url: '/admin/api-keys',
      headers: { authorization: `Bearer ${TEST_ADMIN_KEY}` },
      payload: { role: 'superuser', label: '', extra: 1 },
    });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.code).toBe('validation-failed');
    expect(body.details.map((d: { field: string }) => d.field).sort()).toEqual(['extra', 'label', 'role']);
  });

  it('refuses malformed JSON with a 400 in the error shape', async () => {
    const response = await harness.app.inject({
      method: 'POST',
      url: '/admin/api-keys',
      headers: { authorization: `Bearer ${TEST_ADMIN_KEY}`, 'content-type': 'application/json' },
      payload: '{"role": "service",',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: 'bad-request' });
  });
});
