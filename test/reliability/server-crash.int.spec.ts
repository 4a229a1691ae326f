import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteEventStore, verifyChains } from '@c2g/event-store';
import { collect } from '../support/collect';
import { dumpReadModels } from '../support/dump-read-models';
import { eventually } from '../support/eventually';
import { exited, runTs } from '../support/run-ts';
import { issueKey, postJson, startServer } from '../support/server-process';
import { makeTempDir } from '../support/temp-dir';

/**
 * The server is SIGKILLed at random moments while 8 clients send commands; after restarts,
 * every command that got a 2xx is in the log exactly once, the chains verify, and the read
 * models equal a clean rebuild.
 */
describe('the API process killed under load', () => {
  it('loses no acknowledged command and converges after restart', async () => {
    const temp = makeTempDir();
    const dataDir = join(temp.dir, 'data');
    const acknowledged: { id: string; eventIds: string[] }[] = [];
    try {
      for (let round = 0; round < 3; round += 1) {
        const server = await startServer(dataDir);
        const key = await issueKey(server.url, 'service');
        let stop = false;
        const client = async (lane: number) => {
          for (let n = 0; !stop; n += 1) {
            const id = `r${round}-l${lane}-${n}`;
            try {
              const response = await postJson(`${server.url}/communities`, key, { id, name: `Community ${id}`, kind: 'global', settlementType: 'federation', country: 'US' });
              if (response.status === 201) acknowledged.push({ id, eventIds: response.body.eventIds as string[] });
            } catch {
              return; // the server died mid-request: that command was never acknowledged
            }
          }
        };
        const clients = Array.from({ length: 8 }, (_, lane) => client(lane));
        await new Promise((resolve) => setTimeout(resolve, 300 + Math.random() * 500));
        server.child.kill('SIGKILL');
        await exited(server.child);
        stop = true;
        await Promise.all(clients);
      }

      const server = await startServer(dataDir);
      await eventually(async () => expect((await fetch(`${server.url}/ready`)).status).toBe(200), 20_000);
      await server.kill();

      const store = new SqliteEventStore({ file: join(dataDir, 'events.sqlite') });
      const events = await collect(store.readAll());
      const verification = await verifyChains(store.readAll());
      await store.close();
      const stored = new Map(events.map((e) => [e.eventId, e]));
      expect(acknowledged.length).toBeGreaterThan(30);
      expect(acknowledged.filter((a) => !a.eventIds.every((id) => stored.has(id))).map((a) => a.id)).toEqual([]);
      const registrations = events.filter((e) => e.type === 'CommunityRegistered').map((e) => e.streamId);
      expect(new Set(registrations).size).toBe(registrations.length);
      expect(verification.ok).toBe(true);

      const clean = join(temp.dir, 'clean');
      cpSync(join(dataDir, 'events.sqlite'), join(clean, 'events.sqlite'), { recursive: true });
      const rebuild = runTs('test/support/projection-worker.ts', [clean]);
      expect(await exited(rebuild)).toBe(0);
      expect(dumpReadModels(join(dataDir, 'read-models'))).toEqual(dumpReadModels(join(clean, 'read-models')));
    } finally {
      temp.remove();
    }
  }, 120_000);
});
