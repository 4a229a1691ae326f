import { boston, kfarAza, kfarAzaBoston } from '../support/program-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Valid commands that do not conflict in meaning all land, however many arrive at once on
 * one stream: they are queued per stream and decided on fresh state. 409 comes only with
 * If-Match, 422 only for a broken rule.
 */
describe('one hot stream under concurrent commands', () => {
  let harness: TestApp;
  let service: string;
  const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
    harness.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${service}`, 'content-type': 'application/json', ...headers }, payload: JSON.stringify(body) });
  const pledge = (i: number) => ({ year: 1 + (i % 3), amount: { amount: 1000 + i, currency: 'USD' } });

  beforeAll(async () => {
    harness = await startTestApp({ C2G_RATE_LIMIT_PER_MINUTE: '1000000' });
    service = await harness.keyFor('service');
    for (const [url, body] of [['/communities', kfarAza], ['/communities', boston], ['/pairings', kfarAzaBoston]] as const) {
      expect((await post(url, body)).statusCode).toBe(201);
    }
  });
  afterAll(() => harness.stop());

  it('accepts 60 concurrent pledges on one pairing without If-Match, each at its own revision', async () => {
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => post('/pairings/kfar-aza-boston/pledges', pledge(i))));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(60).fill(201));
    const revisions = answers.map((a) => a.json().revision as number).sort((a, b) => a - b);
    expect(new Set(revisions).size).toBe(60);
    expect(revisions[59] - revisions[0]).toBe(59);
  });

  it('answers 409 to all but one of concurrent commands pinned to the same revision with If-Match', async () => {
    const auditor = await harness.keyFor('auditor');
    const stream = await harness.app.inject({ method: 'GET', url: '/audit/streams/pairing-kfar-aza-boston?limit=500', headers: { authorization: `Bearer ${auditor}` } });
    const revision = String(stream.json().items.length - 1);
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => post('/pairings/kfar-aza-boston/pledges', pledge(100 + i), { 'if-match': `"${revision}"` })));
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses).toEqual([201, ...Array(9).fill(409)]);
    for (const refused of answers.filter((a) => a.statusCode === 409)) {
      expect(refused.json()).toMatchObject({ code: 'revision-mismatch', details: { streamId: 'pairing-kfar-aza-boston', expected: Number(revision), actual: Number(revision) + 1 } });
    }
  });
});
