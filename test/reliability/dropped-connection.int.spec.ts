import { request } from 'node:http';
import { join } from 'node:path';
import { SqliteEventStore } from '@c2g/event-store';
import { collect } from '../support/collect';
import { issueKey, postJson, startServer } from '../support/server-process';
import { makeTempDir } from '../support/temp-dir';

/** Sends a command and hangs up as soon as it is written: the client never sees an answer. */
function sendAndHangUp(url: string, key: string, body: unknown, idempotencyKey: string): Promise<void> {
  return new Promise((resolve) => {
    const payload = JSON.stringify(body);
    const req = request(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), 'idempotency-key': idempotencyKey },
    });
    req.on('error', () => resolve());
    req.end(payload, () => setTimeout(() => (req.destroy(), resolve()), 20));
  });
}

describe('a client retrying after its connection dropped', () => {
  it('gets the first answer and the command is applied exactly once', async () => {
    const temp = makeTempDir();
    const server = await startServer(join(temp.dir, 'data'));
    try {
      const key = await issueKey(server.url, 'service');
      for (let i = 0; i < 10; i += 1) {
        const body = { name: `Lost answer ${i}`, kind: 'global', settlementType: 'federation', country: 'FR' };
        await sendAndHangUp(`${server.url}/communities`, key, body, `lost-${i}`);
        const retry = await postJson(`${server.url}/communities`, key, body, { 'idempotency-key': `lost-${i}` });
        const again = await postJson(`${server.url}/communities`, key, body, { 'idempotency-key': `lost-${i}` });
        expect(retry.status).toBe(201);
        expect(again.body).toEqual(retry.body);
      }
      const store = new SqliteEventStore({ file: join(temp.dir, 'data', 'events.sqlite') });
      const registered = (await collect(store.readAll())).filter((e) => e.type === 'CommunityRegistered');
      await store.close();
      expect(registered).toHaveLength(10);
    } finally {
      await server.kill();
      temp.remove();
    }
  }, 60_000);
});
