import { join } from 'node:path';
import { SqliteEventStore } from '@c2g/event-store';
import { apiClient } from '../support/api-client';
import { collect } from '../support/collect';
import { boston, kfarAza, kfarAzaBoston, mattresses } from '../support/program-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * What the command API makes of the input it accepts (issue 14): text is stored trimmed,
 * `null` never clears a field, a revision changes something, and a body is read only as the
 * media type the route documents.
 */
describe('input semantics of the command API', () => {
  let harness: TestApp;
  let api: ReturnType<typeof apiClient>;
  let service: string;
  const head = async () => (await harness.app.inject({ method: 'GET', url: '/ready' })).json().store.headPosition as string;
  const raw = (url: string, payload: string | undefined, headers: Record<string, string>) =>
    harness.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${service}`, ...headers }, ...(payload === undefined ? {} : { payload }) });
  /** The data of every event of one stream, straight from the log. */
  const eventsOf = async (streamId: string) => {
    const store = new SqliteEventStore({ file: join(harness.dataDir, 'events.sqlite') });
    try {
      return (await collect(store.readAll())).filter((e) => e.streamId === streamId).map((e) => ({ type: e.type, data: e.data as Record<string, unknown> }));
    } finally {
      await store.close();
    }
  };

  beforeAll(async () => {
    harness = await startTestApp({ C2G_RATE_LIMIT_PER_MINUTE: '1000000' });
    api = apiClient(harness);
    service = await harness.keyFor('service');
    for (const [url, body] of [['/communities', kfarAza], ['/communities', boston], ['/pairings', kfarAzaBoston], ['/needs', mattresses]] as const) {
      expect((await api.post(url, body)).status).toBe(201);
    }
    expect((await api.post('/plans', {
      id: 'tkm-1', source: 'tekuma', authority: 'Tekuma Authority', externalRef: 'TKM-1', title: 'Temporary housing', description: 'caravans',
      sector: 'housing', regionalCouncil: 'Eshkol', window: { from: '2025-01-01', to: '2025-12-31' }, budget: { amount: 120_000_000, currency: 'ILS' },
    })).status).toBe(201);
  });
  afterAll(() => harness.stop());

  it('stores names, titles and reasons trimmed, keeping the text inside them as sent', async () => {
    const registered = await api.post('/communities', {
      id: 'nir-oz', name: '  Nir Oz\u3000', nameHe: ' ניר עוז ', aliases: ['  Kibbutz Nir Oz', 'Nir-Oz  '], kind: 'israeli',
      settlementType: 'kibbutz', regionalCouncil: '\u00a0Eshkol ', country: 'IL',
    });
    expect(registered.status).toBe(201);
    const revised = await api.post('/needs/mattresses/revisions', { title: '\u00a0Mattresses and bedding\u3000 ', description: '  line one\n\tline two\t\n' });
    expect(revised.status).toBe(200);
    const member = await api.post('/pairings/kfar-aza-boston/team-members', { side: 'agency', role: ' coordinator ', person: { name: ' Dana Levi ', email: ' dana@example.org ' } });
    expect(member.status).toBe(201);

    const [community] = await eventsOf('community-nir-oz');
    expect(community.data).toMatchObject({ name: 'Nir Oz', nameHe: 'ניר עוז', aliases: ['Kibbutz Nir Oz', 'Nir-Oz'], regionalCouncil: 'Eshkol' });
    const needEvents = await eventsOf('need-mattresses');
    expect(needEvents[needEvents.length - 1]).toEqual({
      type: 'NeedRevised',
      data: { needId: 'mattresses', changes: { title: 'Mattresses and bedding', description: 'line one\n\tline two' } },
    });
    const pairingEvents = await eventsOf('pairing-kfar-aza-boston');
    expect(pairingEvents[pairingEvents.length - 1].data).toMatchObject({ side: 'agency', role: 'coordinator' });
  });

  it.each([
    ['/needs/mattresses/revisions', 'need-mattresses', ['title', 'description', 'sector', 'horizon', 'estimatedCost', 'window', 'quantity'], ['quantity']],
    ['/plans/tkm-1/revisions', 'plan-tkm-1', ['title', 'description', 'sector', 'communityIds', 'regionalCouncil', 'window', 'budget'], ['communityIds', 'regionalCouncil']],
  ])('refuses a revision of %s whose fields are all null, naming each, and leaves the stream as it was', async (url, streamId, fields, optionalWhenCreated) => {
    const before = await eventsOf(streamId);
    const headBefore = await head();
    const response = await api.post(url, Object.fromEntries(fields.map((field) => [field, null])));
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validation-failed');
    expect(response.body.details).toEqual(fields.map((field) => ({
      field,
      problems: [optionalWhenCreated.includes(field) ? `${field} must not be null (leave it out instead)` : `${field} must not be null`],
    })));
    expect(await eventsOf(streamId)).toEqual(before);
    expect(await head()).toBe(headBefore);
  });

  it.each([['/needs/mattresses/revisions'], ['/plans/tkm-1/revisions']])('refuses a revision of %s that changes no field with a 400', async (url) => {
    const headBefore = await head();
    const response = await api.post(url, {});
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      error: 'bad-request', code: 'validation-failed',
      message: 'invalid request: (body) (a revision must change at least one field)',
      details: [{ field: '(body)', problems: ['a revision must change at least one field'] }],
    });
    expect(await head()).toBe(headBefore);
  });

  it('refuses null for an optional field instead of storing it, and a title of spaces', async () => {
    const headBefore = await head();
    const community = await api.post('/communities', { ...boston, id: 'toronto', name: 'Toronto', regionalCouncil: null });
    expect(community.status).toBe(400);
    expect(community.body.details).toEqual([{ field: 'regionalCouncil', problems: ['regionalCouncil must not be null (leave it out instead)'] }]);
    const spaces = await api.post('/needs', { ...mattresses, id: 'blank', title: '   ' });
    expect(spaces.status).toBe(400);
    expect(spaces.body.details).toEqual([{ field: 'title', problems: ['title must not be empty or only spaces'] }]);
    expect(await head()).toBe(headBefore);
  });

  it('reads a JSON body that starts with a byte-order mark', async () => {
    const response = await raw('/communities', `\ufeff${JSON.stringify({ ...boston, id: 'montreal', name: 'Federation CJA Montreal' })}`, { 'content-type': 'application/json; charset=utf-8' });
    expect(response.statusCode).toBe(201);
  });

  it('answers 1e999 with a 400 naming the field, not a 500', async () => {
    const response = await raw('/pairings/kfar-aza-boston/pledges', '{"year": 1, "amount": {"amount": 1e999, "currency": "USD"}}', { 'content-type': 'application/json' });
    expect(response.statusCode).toBe(400);
    expect(response.json().details).toEqual([{ field: 'amount.amount', problems: ['amount.amount must be a finite number (the literal is too large to represent)'] }]);
  });

  describe('media types', () => {
    const JSON_ACCEPTED = 'send the body with content-type: application/json';

    it.each([
      ['without a content-type', undefined, 'the body has no content-type'],
      ['as text/plain (what fetch sends for a string)', 'text/plain;charset=UTF-8', 'content-type text/plain is not accepted here'],
      ['as a form', 'application/x-www-form-urlencoded', 'content-type application/x-www-form-urlencoded is not accepted here'],
      ['as CSV', 'text/csv', 'content-type text/csv is not accepted here'],
      ['as JSON of another vendor', 'application/vnd.api+json', 'content-type application/vnd.api+json is not accepted here'],
    ])('answers a JSON body sent %s with 415 naming application/json, and writes nothing', async (_label, contentType, said) => {
      const headBefore = await head();
      const response = await raw('/communities', JSON.stringify({ ...boston, id: 'toronto', name: 'Toronto' }), contentType ? { 'content-type': contentType } : {});
      expect({ status: response.statusCode, body: response.json() }).toEqual({
        status: 415,
        body: { error: 'unsupported-media-type', code: 'unsupported-media-type', message: `${said}: ${JSON_ACCEPTED}` },
      });
      expect(await head()).toBe(headBefore);
    });

    it('answers a command without any body with 415 where the route needs one, and accepts it where every field is optional', async () => {
      const missing = await raw('/communities', undefined, {});
      expect({ status: missing.statusCode, body: missing.json() }).toEqual({
        status: 415,
        body: { error: 'unsupported-media-type', code: 'unsupported-media-type', message: 'this request has no body: send the body with content-type: application/json' },
      });
      const member = await api.post('/pairings/kfar-aza-boston/team-members', { id: 'leaving', side: 'global', role: 'member', person: { name: 'Avi Cohen' } });
      expect(member.status).toBe(201);
      const released = await raw('/pairings/kfar-aza-boston/team-members/leaving/release', undefined, {});
      expect(released.statusCode).toBe(200);
    });

    it('reads POST /plans/import as text/csv only', async () => {
      const headBefore = await head();
      for (const [contentType, payload, said] of [
        ['application/json', '{"plans": []}', 'content-type application/json is not accepted here'],
        ['text/plain', 'source,authority\n', 'content-type text/plain is not accepted here'],
        [undefined, 'source,authority\n', 'the body has no content-type'],
      ] as const) {
        const response = await raw('/plans/import', payload, contentType ? { 'content-type': contentType } : {});
        expect({ status: response.statusCode, body: response.json() }).toEqual({
          status: 415,
          body: { error: 'unsupported-media-type', code: 'unsupported-media-type', message: `${said}: send the body with content-type: text/csv` },
        });
      }
      expect(await head()).toBe(headBefore);
    });

    it('still answers 401 before 415 to a caller without a key', async () => {
      const response = await harness.app.inject({ method: 'POST', url: '/communities', headers: { 'content-type': 'text/plain' }, payload: 'hello' });
      expect(response.statusCode).toBe(401);
    });
  });

  it('refuses CSV rows with control characters, blank titles, impossible dates or budgets, naming the field, and writes nothing', async () => {
    const headBefore = await head();
    const csvField = (value: string) => `"${value.replace(/"/g, '""')}"`;
    const header = 'source,authority,externalRef,title,description,sector,regionalCouncil,from,to,budget,currency';
    const row = (fields: Partial<Record<string, string>>) =>
      header.split(',').map((column) => csvField({
        source: 'tekuma', authority: 'Tekuma Authority', externalRef: 'TKM-9', title: 'Caravans', description: 'forty', sector: 'housing',
        regionalCouncil: 'Eshkol', from: '2025-01-01', to: '2025-12-31', budget: '1000', currency: 'ILS', ...fields,
      }[column]!)).join(',');
    const rows: [Record<string, string>, string][] = [
      [{ title: 'Cara\u0007vans' }, 'title'],
      [{ authority: 'Tekuma\u001bAuthority' }, 'authority'],
      [{ externalRef: 'TKM\u00009' }, 'externalRef'],
      [{ title: '   ' }, 'title'],
      [{ regionalCouncil: 'Esh\u0085kol' }, 'regionalCouncil'],
      [{ description: 'for\u0000ty' }, 'description'],
      [{ from: '2025-02-30' }, 'window.from'],
      [{ budget: '1e999' }, 'budget'],
    ];
    const response = await raw('/plans/import', `${[header, ...rows.map(([fields]) => row(fields))].join('\n')}\n`, { 'content-type': 'text/csv' });
    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect(report.summary).toEqual({ registered: 0, revised: 0, unchanged: 0, rejected: rows.length });
    expect(report.rows.map((r: { reasons: string[] }) => r.reasons.map((reason) => reason.split(':')[0]))).toEqual(rows.map(([, field]) => [field]));
    expect(await head()).toBe(headBefore);
  });

  it('documents no field as nullable: null is never a way to clear a field', async () => {
    const doc = (await harness.app.inject({ method: 'GET', url: '/docs-json' })).json();
    const nullable = Object.entries(doc.components.schemas as Record<string, { properties?: Record<string, { nullable?: boolean }> }>)
      .flatMap(([name, schema]) => Object.entries(schema.properties ?? {}).filter(([, p]) => p.nullable).map(([field]) => `${name}.${field}`));
    expect(nullable).toEqual([]);
    expect(doc.components.schemas.ReviseNeedDto.required ?? []).toEqual([]);
    expect(Object.keys(doc.components.schemas.ReviseNeedDto.properties).sort()).toEqual(['description', 'estimatedCost', 'horizon', 'quantity', 'sector', 'title', 'window']);
  });
});
