import { apiClient } from '../support/api-client';
import { boston, kfarAza } from '../support/program-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

describe('GET /live (Server-Sent Events)', () => {
  let harness: TestApp;
  let url: string;
  beforeAll(async () => {
    harness = await startTestApp();
    await harness.app.listen(0, '127.0.0.1');
    url = await harness.app.getUrl();
  });
  afterAll(() => harness.stop());

  it('streams read-model changes for the chosen community as they are committed', async () => {
    const api = apiClient(harness);
    const key = await harness.keyFor('analyst');
    const abort = new AbortController();
    const response = await fetch(`${url}/live?communityId=kfar-aza`, { headers: { authorization: `Bearer ${key}` }, signal: abort.signal });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = response.body!.getReader();
    await api.post('/communities', boston);
    const written = await api.post('/communities', kfarAza);

    let received = '';
    while (!received.includes('"projection":"coverage"')) {
      const { value, done } = await reader.read();
      if (done) break;
      received += new TextDecoder().decode(value);
    }
    abort.abort();
    expect(received).toContain('event: change');
    expect(received).toContain(`id: ${written.body.position}`);
    expect(received).toContain('"communityId":"kfar-aza"');
    expect(received).not.toContain('"communityId":"boston"');
  }, 15_000);

  it('refuses a service key', async () => {
    const key = await harness.keyFor('service');
    const response = await fetch(`${url}/live`, { headers: { authorization: `Bearer ${key}` } });
    expect(response.status).toBe(403);
  });
});
