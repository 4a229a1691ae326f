import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { writeLegacyAccessFile, writeLegacyPersonFile } from '../support/legacy-node-files';
import { makeTempDir } from '../support/temp-dir';
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

    // Keys are events of the access stream: the secret's SHA-256 only, never the secret.
    const raw = new Database(join(harness.dataDir, 'events.sqlite'), { readonly: true });
    const rows = raw.prepare(`SELECT type, data FROM events WHERE stream_id = 'access'`).all() as { type: string; data: string }[];
    raw.close();
    const secret = body.key.split('_').slice(2).join('_');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.data).not.toContain(secret);
    const issued = rows.map((r) => JSON.parse(r.data)).find((d) => d.keyId === body.keyId);
    expect(issued).toEqual({ keyId: body.keyId, role: 'analyst', label: 'dashboard', secretHash: createHash('sha256').update(secret).digest('hex') });
  });

  it('refuses an Idempotency-Key on issuing (a retry could not get the first key back), issuing nothing', async () => {
    const count = () => {
      const raw = new Database(join(harness.dataDir, 'events.sqlite'), { readonly: true });
      const n = (raw.prepare(`SELECT COUNT(*) AS n FROM events WHERE stream_id = 'access'`).get() as { n: number }).n;
      raw.close();
      return n;
    };
    const before = count();
    const response = await harness.app.inject({
      method: 'POST', url: '/admin/api-keys', payload: { role: 'analyst', label: 'retried' },
      headers: { authorization: `Bearer ${TEST_ADMIN_KEY}`, 'idempotency-key': 'issue-dashboard-key-1' },
    });
    expect([response.statusCode, response.json().code]).toEqual([400, 'idempotency-key-unsupported']);
    expect(count()).toBe(before);
  });

  it('accepts a freshly issued key on the very next request, and refuses it right after its revocation', async () => {
    const issued = (await issue(TEST_ADMIN_KEY, { role: 'analyst', label: 'short-lived' })).json();
    const health = () => harness.app.inject({ method: 'GET', url: '/communities', headers: { authorization: `Bearer ${issued.key}` } });
    expect((await health()).statusCode).toBe(200);
    const revoke = (keyId: string, key = TEST_ADMIN_KEY) =>
      harness.app.inject({ method: 'POST', url: `/admin/api-keys/${keyId}/revocation`, headers: { authorization: `Bearer ${key}` } });
    const revoked = await revoke(issued.keyId);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ keyId: issued.keyId, revoked: true, position: expect.stringMatching(/^\d+$/) });
    expect((await health()).json()).toMatchObject({ code: 'api-key-invalid' });
    expect((await revoke(issued.keyId)).statusCode).toBe(200);
    expect((await revoke('unknownkey000000')).json()).toMatchObject({ code: 'api-key-not-found' });
    expect((await revoke('configured-admin')).json()).toMatchObject({ code: 'configured-admin-key' });
    expect((await revoke('../etc')).statusCode).toBe(404);
    expect((await revoke(issued.keyId, await harness.keyFor('service'))).statusCode).toBe(403);
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

describe('a data directory from before keys and persons moved into the log', () => {
  let harness: TestApp;
  const secret = 'B'.repeat(43);
  const hash = (text: string) => createHash('sha256').update(text).digest('hex');

  beforeAll(async () => {
    const dataDir = makeTempDir('c2g-legacy-');
    writeLegacyAccessFile(join(dataDir.dir, 'access.sqlite'), [
      { keyId: 'legacyanalyst001', role: 'analyst', label: 'old-dashboard', secretHash: hash(secret) },
      { keyId: 'legacyrevoked001', role: 'service', label: 'old-intake', secretHash: hash(secret), revokedAt: '2025-03-01T00:00:00Z' },
      { keyId: 'configured-admin', role: 'admin', label: 'C2G_ADMIN_KEY', secretHash: hash('an-old-admin-secret') },
    ]);
    writeLegacyPersonFile(join(dataDir.dir, 'persons.sqlite'), [
      { personId: 'person-kept', name: 'Noa Levi', email: 'noa@example.org' },
      { personId: 'person-gone', name: 'x', erased: true },
    ]);
    harness = await startTestApp({}, dataDir);
  });
  afterAll(() => harness.stop());

  it('carries the old keys into the access stream on the first start: kept keys work, revoked ones do not', async () => {
    const get = (key: string) => harness.app.inject({ method: 'GET', url: '/communities', headers: { authorization: `Bearer ${key}` } });
    expect((await get(`c2g_legacyanalyst001_${secret}`)).statusCode).toBe(200);
    expect((await get(`c2g_legacyrevoked001_${secret}`)).statusCode).toBe(401);
    expect((await get('an-old-admin-secret')).statusCode).toBe(401);
    expect(existsSync(join(harness.dataDir, 'access.sqlite'))).toBe(false);
    expect(existsSync(join(harness.dataDir, 'access.sqlite.migrated'))).toBe(true);
  });

  it('carries the old persons into the log sealed, and deletes the file that held them in the clear', async () => {
    const admin = { authorization: `Bearer ${TEST_ADMIN_KEY}` };
    const kept = await harness.app.inject({ method: 'GET', url: '/persons/person-kept', headers: admin });
    expect(kept.json()).toMatchObject({ personId: 'person-kept', details: { name: 'Noa Levi', email: 'noa@example.org' } });
    const gone = await harness.app.inject({ method: 'GET', url: '/persons/person-gone', headers: admin });
    expect(gone.json()).toMatchObject({ personId: 'person-gone', details: '[erased]' });
    const audited = await harness.app.inject({ method: 'GET', url: '/audit/streams/person-person-gone', headers: { authorization: `Bearer ${await harness.keyFor('auditor')}` } });
    expect(audited.json().items.map((e: { type: string; person: unknown }) => [e.type, e.person])).toEqual([['PersonErased', { personId: 'person-gone', details: 'erased' }]]);
    expect(existsSync(join(harness.dataDir, 'persons.sqlite'))).toBe(false);
    const raw = new Database(join(harness.dataDir, 'events.sqlite'), { readonly: true });
    const dump = (raw.prepare('SELECT group_concat(data) AS all_data FROM events').get() as { all_data: string }).all_data;
    raw.close();
    expect(dump).not.toContain('Noa');
    expect(dump).toContain('A256GCM');
  });
});
