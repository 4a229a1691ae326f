import { Logger } from '@nestjs/common';
import { EventStore } from '@c2g/event-store';
import { finishedSpans, FinishedSpan, LogLine, resetFinishedSpans } from '@c2g/telemetry';
import { EVENT_STORE } from '../../apps/api/src/event-store/event-store.module';
import { apiClient } from '../support/api-client';
import { eventually } from '../support/eventually';
import { boston, kfarAza, kfarAzaBoston, mattresses } from '../support/program-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { eventStoreDbBackend, StoreBackend } from '../support/store-backends';

// A real Prometheus text-format parser (the prom2json shape), not our own reading of the text.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const parsePrometheus = require('parse-prometheus-text-format') as (text: string) => Family[];
interface Family {
  name: string;
  type: string;
  metrics: { value?: string; labels?: Record<string, string>; buckets?: Record<string, string>; count?: string }[];
}

async function scrapeText(harness: TestApp): Promise<string> {
  const response = await harness.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${await harness.keyFor('operator')}` } });
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
  return response.body;
}

/** Parsed by the parser, which throws on any line that is not the text format. */
async function scrape(harness: TestApp): Promise<Family[]> {
  return parsePrometheus(await scrapeText(harness));
}

function family(families: Family[], name: string): Family {
  const found = families.find((f) => f.name === name);
  if (!found) throw new Error(`no metric ${name} in /metrics`);
  return found;
}

/** The value of one sample (0 when the labelled series does not exist yet). */
function sample(families: Family[], name: string, labels: Record<string, string> = {}): number {
  const f = families.find((x) => x.name === name);
  const m = f?.metrics.find((x) => Object.entries(labels).every(([k, v]) => x.labels?.[k] === v));
  if (!m) return 0;
  return Number(m.value ?? m.count);
}

/** An unlabelled histogram's _sum (prom2json keeps it as `sum`); 0 before its first observation. */
function sumOf(families: Family[], name: string): number {
  const metric = families.find((f) => f.name === name)?.metrics[0] as { sum?: string } | undefined;
  return Number(metric?.sum ?? 0);
}

describe('GET /metrics', () => {
  let harness: TestApp;
  beforeAll(async () => (harness = await startTestApp()), 30_000);
  afterAll(() => harness.stop());

  it('parses as Prometheus text and its command counters move by exactly the commands sent', async () => {
    const api = apiClient(harness);
    await harness.keyFor('service');
    const before = await scrape(harness);

    expect((await api.post('/communities', kfarAza)).status).toBe(201);
    expect((await api.post('/communities', boston)).status).toBe(201);
    expect((await api.post('/pairings', kfarAzaBoston)).status).toBe(201);
    expect((await api.post('/communities', { ...kfarAza, name: 'Kfar Aza again' })).status).toBe(422); // already registered
    expect((await api.post('/communities/kfar-aza/residents-returned', { date: '2025-03-01' }, { headers: { 'if-match': '"7"' } })).status).toBe(409);
    const needed = await api.post('/needs', mattresses);
    expect(needed.status).toBe(201);

    const after = await scrape(harness);
    const delta = (labels: Record<string, string>) => sample(after, 'c2g_commands_total', labels) - sample(before, 'c2g_commands_total', labels);
    expect(delta({ type: 'RegisterCommunity', outcome: 'accepted' })).toBe(2);
    expect(delta({ type: 'RegisterCommunity', outcome: 'refused', code: 'community-already-registered' })).toBe(1);
    expect(delta({ type: 'CreatePairing', outcome: 'accepted' })).toBe(1);
    expect(delta({ type: 'RecordNeed', outcome: 'accepted' })).toBe(1);
    expect(delta({ type: 'RecordResidentsReturned', outcome: 'conflict', code: 'revision-mismatch' })).toBe(1);
    const total = (families: Family[]) => family(families, 'c2g_commands_total').metrics.reduce((sum, m) => sum + Number(m.value), 0);
    expect(total(after) - (before.some((f) => f.name === 'c2g_commands_total') ? total(before) : 0)).toBe(6);
    // RegisterCommunity x2, the pairing (three streams), the need: six appends, six events.
    expect(sample(after, 'c2g_appends_total') - sample(before, 'c2g_appends_total')).toBe(6);
    expect(sample(after, 'c2g_events_appended_total') - sample(before, 'c2g_events_appended_total')).toBe(6);
    // Every one of those appends was made durable by some SQLite group commit, each commit counted once.
    expect(sumOf(after, 'c2g_group_commit_appends') - sumOf(before, 'c2g_group_commit_appends')).toBe(6);
    expect(family(after, 'c2g_command_duration_seconds').type).toBe('HISTOGRAM');
    // The parser folds a labelled histogram's series into one (its prom2json shape), so its series are read from the text.
    const text = await scrapeText(harness);
    expect(text).toContain('c2g_command_duration_seconds_count{type="CreatePairing",outcome="accepted"} 1\n');
    expect(text).toContain('c2g_command_duration_seconds_count{type="RegisterCommunity",outcome="accepted"} 2\n');
    expect(sample(after, 'c2g_http_requests_total', { method: 'POST', route: '/communities', status_code: '201' })).toBe(2);
  });

  it('says where every read model stands against the log head, and the state of the read side', async () => {
    const api = apiClient(harness);
    const head = (await api.post('/communities', { ...boston, id: 'chicago', name: 'Chicago' })).body.position as number;
    await api.get(`/communities?minPosition=${head}`);
    let families: Family[] = [];
    await eventually(async () => {
      families = await scrape(harness);
      expect(sample(families, 'c2g_read_model_lag_positions', { read_model: 'communities' })).toBe(0);
    });
    expect(sample(families, 'c2g_log_head_position')).toBeGreaterThanOrEqual(head);
    const models = family(families, 'c2g_read_model_checkpoint_position').metrics.map((m) => m.labels?.read_model);
    expect(models).toEqual(expect.arrayContaining(['communities', 'pairings', 'needs-board', 'duplicate-flags', 'funding-ledger']));
    expect(sample(families, 'c2g_read_model_serving_position', { read_model: 'communities' })).toBeGreaterThanOrEqual(head);
    for (const name of ['c2g_read_model_lag_seconds', 'c2g_read_model_parked', 'c2g_read_models_parked', 'c2g_read_side_failing', 'c2g_duplicate_flags', 'c2g_as_of_builds_in_flight', 'c2g_as_of_builds_waiting', 'c2g_append_conflicts_total', 'c2g_rate_limit_refusals_total']) {
      expect(families.some((f) => f.name === name)).toBe(true);
    }
    expect(sample(families, 'c2g_read_models_parked')).toBe(0);
    // Node's default process metrics.
    for (const name of ['process_cpu_seconds_total', 'process_resident_memory_bytes', 'nodejs_eventloop_lag_seconds', 'nodejs_heap_size_used_bytes']) {
      expect(families.some((f) => f.name === name)).toBe(true);
    }
  });

  it('counts duplicate flags by status as they are raised and resolved', async () => {
    const api = apiClient(harness);
    await harness.keyFor('analyst');
    // The first test recorded `mattresses`; the same need again is a duplicate effort.
    const again = await api.post('/needs', { ...mattresses, id: 'mattresses-again', title: 'Mattresses for the returning families' });
    expect(again.status).toBe(201);
    const listed = async (status: string, position: number) =>
      (await api.get(`/duplicate-flags?status=${status}&minPosition=${position}`, { role: 'analyst' })).body.items as { id: string }[];
    const open = await listed('open', again.body.position);
    expect(open.length).toBeGreaterThan(0);
    let families = await scrape(harness);
    expect(sample(families, 'c2g_duplicate_flags', { status: 'open' })).toBe(open.length);
    expect(sample(families, 'c2g_duplicate_flags', { status: 'resolved' })).toBe(0);

    const resolved = await api.post(`/duplicate-flags/${open[0].id}/resolution`, { decision: 'duplicate', note: 'one delivery' });
    expect(resolved.status).toBe(200);
    const stillOpen = await listed('open', resolved.body.position);
    families = await scrape(harness);
    expect(sample(families, 'c2g_duplicate_flags', { status: 'open' })).toBe(stillOpen.length);
    expect(stillOpen.length).toBe(open.length - 1);
    expect(sample(families, 'c2g_duplicate_flags', { status: 'resolved' })).toBe(1);
  });

  it('is for operator keys only', async () => {
    for (const role of ['service', 'analyst', 'auditor', 'admin'] as const) {
      const response = await harness.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${await harness.keyFor(role)}` } });
      expect(response.statusCode).toBe(403);
    }
    expect((await harness.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
  });
});

describe('GET /metrics under a rate limit', () => {
  let harness: TestApp;
  beforeAll(async () => (harness = await startTestApp({ C2G_RATE_LIMIT_PER_MINUTE: '3' })), 30_000);
  afterAll(() => harness.stop());

  it('counts every 429', async () => {
    const api = apiClient(harness);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await api.get('/communities')).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(sample(await scrape(harness), 'c2g_rate_limit_refusals_total')).toBe(2);
  });
});

describe('tracing (in-memory exporter; the projector thread posts its spans back)', () => {
  let harness: TestApp;
  beforeAll(async () => (harness = await startTestApp({ OTEL_TRACES_EXPORTER: 'memory' })), 30_000);
  afterAll(() => harness.stop());

  it('follows one request from HTTP through its command into every read model, under one trace', async () => {
    const api = apiClient(harness);
    await harness.keyFor('service');
    await harness.keyFor('auditor');
    resetFinishedSpans();
    const created = await api.post('/communities', kfarAza, { headers: { 'x-correlation-id': 'trace-me-1' } });
    expect(created.status).toBe(201);

    let spans: FinishedSpan[] = [];
    let batch: FinishedSpan | undefined;
    const http = () => spans.find((s) => s.name === 'POST /communities');
    const command = () => spans.find((s) => s.name === 'command RegisterCommunity');
    await eventually(() => {
      spans = finishedSpans();
      batch = spans.find((s) => s.name === 'project batch' && s.traceId === command()?.traceId);
      expect(batch).toBeDefined();
      expect(spans.filter((s) => s.name.startsWith('project ') && s.parentSpanId === batch?.spanId).length).toBeGreaterThan(3);
    });
    const request = http()!;
    const commandSpan = command()!;
    expect(request.thread).toBe('api');
    expect(request.attributes).toMatchObject({ 'http.route': '/communities', 'http.response.status_code': 201 });
    expect(commandSpan.traceId).toBe(request.traceId);
    expect(commandSpan.parentSpanId).toBe(request.spanId);
    expect(commandSpan.attributes).toMatchObject({
      'c2g.command.type': 'RegisterCommunity',
      'c2g.correlation_id': 'trace-me-1',
      'c2g.streams': ['community-kfar-aza'],
      'c2g.expected_revision': -1,
      'c2g.new_revision': 0,
      'c2g.events_appended': 1,
      'c2g.conflict_retries': 0,
      'c2g.outcome': 'accepted',
    });
    // Made in the projector thread, a child of the command's span (its traceparent is in the event's metadata).
    expect(batch!.thread).toBe('projector');
    expect(batch!.parentSpanId).toBe(commandSpan.spanId);
    expect(batch!.links).toEqual([{ traceId: commandSpan.traceId, spanId: commandSpan.spanId }]);
    expect(batch!.attributes['c2g.correlation_ids']).toEqual(['trace-me-1']);
    const perModel = spans.filter((s) => s.parentSpanId === batch!.spanId);
    expect(perModel.map((s) => s.name)).toEqual(expect.arrayContaining(['project communities', 'project duplicate-flags', 'project log-timeline']));
    expect(perModel.every((s) => s.traceId === request.traceId)).toBe(true);

    const stream = await api.get('/audit/streams/community-kfar-aza', { role: 'auditor' });
    expect(stream.body.items[0].metadata.traceparent).toBe(`00-${commandSpan.traceId}-${commandSpan.spanId}-01`);
    // One append: its stream and revisions are the span's attributes, no event repeats them.
    expect(commandSpan.events).toEqual([]);
  });

  it('names every append of a command that appends to several streams', async () => {
    const api = apiClient(harness);
    await harness.keyFor('service');
    expect((await api.post('/communities', { ...boston, id: 'haifa-friends', name: 'Haifa Friends' })).status).toBe(201);
    expect((await api.post('/communities', { ...kfarAza, id: 'beeri', name: 'Be\'eri' })).status).toBe(201);
    resetFinishedSpans();
    const created = await api.post('/pairings', { ...kfarAzaBoston, id: 'beeri-haifa', israeliCommunityId: 'beeri', globalCommunityId: 'haifa-friends' });
    expect(created.status).toBe(201);
    const command = finishedSpans().find((s) => s.name === 'command CreatePairing')!;
    expect(command.attributes).toMatchObject({ 'c2g.stream_id': 'pairing-beeri-haifa', 'c2g.expected_revision': -1, 'c2g.new_revision': 0, 'c2g.events_appended': 3 });
    expect(command.events).toEqual([
      { name: 'append', attributes: { 'c2g.stream_id': 'community-beeri', 'c2g.expected_revision': 0, 'c2g.new_revision': 1, 'c2g.events': 1 } },
      { name: 'append', attributes: { 'c2g.stream_id': 'community-haifa-friends', 'c2g.expected_revision': 0, 'c2g.new_revision': 1, 'c2g.events': 1 } },
      { name: 'append', attributes: { 'c2g.stream_id': 'pairing-beeri-haifa', 'c2g.expected_revision': -1, 'c2g.new_revision': 0, 'c2g.events': 1 } },
    ]);
  });

  it('traces an as-of answer under its request: built the first time, cached the second', async () => {
    const api = apiClient(harness);
    await harness.keyFor('analyst');
    const { position } = (await api.post('/communities', { ...kfarAza, id: 'nahal-oz', name: 'Nahal Oz' })).body as { position: number };
    resetFinishedSpans();
    for (let i = 0; i < 2; i += 1) expect((await api.get(`/communities?asOf=${position}`, { role: 'analyst' })).status).toBe(200);
    const spans = finishedSpans();
    const requests = spans.filter((s) => s.name === 'GET /communities');
    const asOf = spans.filter((s) => s.name === 'as-of');
    expect(asOf.map((s) => s.attributes['c2g.as_of.cached'])).toEqual([false, true]);
    expect(asOf.map((s) => s.parentSpanId)).toEqual(requests.map((s) => s.spanId));
    expect(asOf[0].attributes).toMatchObject({ 'c2g.as_of.position': String(position), 'c2g.read_models': ['communities'] });
  });

  // Every route that answers ?asOf= hands its request's span to the build (there is no async
  // context to find it in): the as-of span is a child of each request.
  it.each([
    '/communities',
    '/plans',
    '/pairings',
    '/pairings/kfar-aza',
    '/needs',
    '/reports/funding',
    '/reports/coverage',
    '/duplicate-flags',
  ])('parents the as-of span of GET %s on its request', async (path) => {
    const api = apiClient(harness);
    await harness.keyFor('analyst');
    resetFinishedSpans();
    const response = await api.get(`${path}?asOf=1`, { role: 'analyst' });
    // At position 1 no pairing exists yet: the one-pairing route answers 404, the others a page or a report.
    expect(response.status).toBe(path === '/pairings/kfar-aza' ? 404 : 200);
    const spans = finishedSpans();
    const request = spans.find((s) => s.name.startsWith('GET '));
    const asOf = spans.filter((s) => s.name === 'as-of');
    expect(asOf).toHaveLength(1);
    expect(asOf[0].traceId).toBe(request!.traceId);
    expect(asOf[0].parentSpanId).toBe(request!.spanId);
  });

  it('names the request\'s trace on the log line of an unexpected failure (500)', async () => {
    const api = apiClient(harness);
    await harness.keyFor('analyst');
    const store = harness.app.get<EventStore>(EVENT_STORE);
    const failing = jest.spyOn(store, 'headPosition').mockRejectedValueOnce(new TypeError('the disk went away'));
    const errors = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    try {
      resetFinishedSpans();
      const response = await api.get('/communities?asOf=1', { role: 'analyst' });
      expect(response.status).toBe(500);
      const request = finishedSpans().find((s) => s.name === 'GET /communities')!;
      expect(request.attributes['http.response.status_code']).toBe(500);
      const lines = errors.mock.calls.map(([line]) => line).filter((line): line is LogLine => line instanceof LogLine);
      expect(lines.map((line) => [line.message, line.fields])).toEqual([
        ['unhandled TypeError: the disk went away', { traceId: request.traceId, spanId: request.spanId }],
      ]);
    } finally {
      failing.mockRestore();
      errors.mockRestore();
    }
  });

  it('continues a caller\'s trace from its traceparent header', async () => {
    const api = apiClient(harness);
    resetFinishedSpans();
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const created = await api.post('/communities', boston, { headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` } });
    expect(created.status).toBe(201);
    const spans = finishedSpans();
    expect(spans.find((s) => s.name === 'POST /communities')).toMatchObject({ traceId, parentSpanId: '00f067aa0ba902b7' });
    expect(spans.find((s) => s.name === 'command RegisterCommunity')?.traceId).toBe(traceId);
  });
});

describe('sampling (OTEL_TRACES_SAMPLER=parentbased_always_off: only callers\' sampled traces are kept)', () => {
  let harness: TestApp;
  beforeAll(async () => (harness = await startTestApp({ OTEL_TRACES_EXPORTER: 'memory', OTEL_TRACES_SAMPLER: 'parentbased_always_off' })), 30_000);
  afterAll(() => harness.stop());

  it('keeps a trace whole or not at all: the projector thread follows the decision made for the request', async () => {
    const api = apiClient(harness);
    await harness.keyFor('service');
    await harness.keyFor('analyst');
    resetFinishedSpans();
    const unsampled = await api.post('/communities', kfarAza);
    expect(unsampled.status).toBe(201);
    // Its batch is applied before the next command is sent, so the two never share a batch.
    expect((await api.get(`/communities?minPosition=${unsampled.body.position}`, { role: 'analyst' })).status).toBe(200);
    const traceId = '0af7651916cd43dd8448eb211c80319c';
    const sampled = await api.post('/communities', boston, { headers: { traceparent: `00-${traceId}-b7ad6b7169203331-01` } });
    expect(sampled.status).toBe(201);
    await eventually(() => expect(finishedSpans().some((s) => s.name === 'project batch' && s.traceId === traceId)).toBe(true));
    const spans = finishedSpans();
    expect(spans.length).toBeGreaterThan(3);
    expect(spans.every((s) => s.traceId === traceId)).toBe(true);
    expect(spans.map((s) => s.name)).toEqual(expect.arrayContaining(['POST /communities', 'command RegisterCommunity', 'project batch', 'project communities']));
  });

  it('names no trace on the 500 line of a request whose trace was not kept (its ids would lead nowhere)', async () => {
    const api = apiClient(harness);
    await harness.keyFor('analyst');
    const failing = jest.spyOn(harness.app.get<EventStore>(EVENT_STORE), 'headPosition').mockRejectedValueOnce(new TypeError('the disk went away'));
    const errors = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    try {
      expect((await api.get('/communities?asOf=1', { role: 'analyst' })).status).toBe(500);
      const lines = errors.mock.calls.map(([line]) => line).filter((line): line is LogLine => line instanceof LogLine);
      expect(lines.map((line) => [line.message, line.fields])).toEqual([['unhandled TypeError: the disk went away', {}]]);
    } finally {
      failing.mockRestore();
      errors.mockRestore();
    }
  });
});

describe('on EventStoreDB (wire double): the same metrics and the same trace', () => {
  let backend: StoreBackend;
  let harness: TestApp;
  beforeAll(async () => {
    backend = await eventStoreDbBackend();
    harness = await startTestApp({ ...backend.env, OTEL_TRACES_EXPORTER: 'memory' });
  }, 60_000);
  afterAll(async () => {
    await harness?.stop();
    await backend?.stop();
  });

  it('counts the command and its append, and follows it from HTTP into the read models', async () => {
    const api = apiClient(harness);
    await harness.keyFor('service');
    const before = await scrape(harness);
    resetFinishedSpans();
    expect((await api.post('/communities', kfarAza)).status).toBe(201);
    const after = await scrape(harness);
    expect(sample(after, 'c2g_commands_total', { type: 'RegisterCommunity', outcome: 'accepted' }) - sample(before, 'c2g_commands_total', { type: 'RegisterCommunity', outcome: 'accepted' })).toBe(1);
    expect(sample(after, 'c2g_appends_total') - sample(before, 'c2g_appends_total')).toBe(1);
    // No SQLite group commit here: EventStoreDB commits each append itself.
    expect(sumOf(after, 'c2g_group_commit_appends')).toBe(0);
    expect(sample(after, 'c2g_log_head_position')).toBeGreaterThan(0);
    await eventually(() => {
      const spans = finishedSpans();
      const command = spans.find((s) => s.name === 'command RegisterCommunity');
      expect(command?.attributes['c2g.outcome']).toBe('accepted');
      expect(spans.find((s) => s.name === 'project batch' && s.traceId === command?.traceId && s.parentSpanId === command?.spanId)?.thread).toBe('projector');
    });
  });
});
