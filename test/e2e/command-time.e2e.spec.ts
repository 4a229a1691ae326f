import { startTestApp, TestApp } from '../support/test-app';

/** occurredAt is the server's: only the in-process demo loader drives the command clock (command-clock.ts). */
describe('the time a command is stamped with', () => {
  let harness: TestApp;
  beforeAll(async () => (harness = await startTestApp()));
  afterAll(() => harness.stop());

  // Only service keys send commands (admin keys manage keys): no key over HTTP can choose the time.
  it('cannot be back-dated by a service key over HTTP, by header or by body', async () => {
    const community = { id: 'sderot', name: 'Sderot', kind: 'israeli', settlementType: 'city', regionalCouncil: 'Sderot', country: 'IL' };
    const headers = { authorization: `Bearer ${await harness.keyFor('service')}`, 'x-occurred-at': '2024-07-01T09:00:00Z', date: 'Mon, 01 Jul 2024 09:00:00 GMT' };
    const inBody = await harness.app.inject({ method: 'POST', url: '/communities', headers, payload: { ...community, occurredAt: '2024-07-01T09:00:00Z' } });
    expect(inBody.statusCode).toBe(400);
    expect(inBody.json()).toMatchObject({ code: 'validation-failed', details: [{ field: 'occurredAt' }] });
    const before = new Date().toISOString();
    const service = { authorization: `Bearer ${await harness.keyFor('service')}`, 'x-occurred-at': '2024-07-01T09:00:00Z' };
    expect((await harness.app.inject({ method: 'POST', url: '/communities', headers: service, payload: community })).statusCode).toBe(201);
    const after = new Date().toISOString();
    const audit = await harness.app.inject({
      method: 'GET',
      url: '/audit/streams/community-sderot',
      headers: { authorization: `Bearer ${await harness.keyFor('auditor')}` },
    });
    const [event] = audit.json().items as { metadata: { occurredAt: string } }[];
    expect(event.metadata.occurredAt >= before && event.metadata.occurredAt <= after).toBe(true);
  });
});
