import { join } from 'node:path';
import type { FastifyReply } from 'fastify';
import { SqliteEventStore } from '@c2g/event-store';
import { allProjections, ProjectionRunner } from '@c2g/projections';
import { makeTempDir } from '../../../../test/support/temp-dir';
import { HealthController } from './health.controller';

describe('GET /ready', () => {
  it('is not ready while the log holds events the read models have not reached, even if the runner has not seen them yet', async () => {
    const temp = makeTempDir();
    const store = new SqliteEventStore({ file: join(temp.dir, 'events.sqlite') });
    const runner = new ProjectionRunner({ store, dir: join(temp.dir, 'read-models'), projections: allProjections() });
    try {
      const registered = { type: 'CommunityRegistered', data: { communityId: 'kfar-aza', name: 'Kfar Aza', aliases: [], kind: 'israeli', settlementType: 'kibbutz', country: 'IL' } };
      const { position } = await store.append('community-kfar-aza', [registered]);
      runner.start();
      await runner.waitFor(runner.status().map((p) => p.name), position, 10_000);
      expect(await runner.waitUntilCaughtUp(10_000)).toBe(true);
      const controller = new HealthController(store, runner);
      const reply = { code: 200, status(code: number) { this.code = code; return this; } };
      expect(await controller.ready(reply as unknown as FastifyReply)).toMatchObject({ status: 'ready' });

      await runner.stop();
      await store.append('community-nir-oz', [{ ...registered, data: { ...registered.data, communityId: 'nir-oz', name: 'Nir Oz' } }]);
      expect(await controller.ready(reply as unknown as FastifyReply)).toMatchObject({ status: 'not-ready' });
      expect(reply.code).toBe(503);
    } finally {
      await runner.stop();
      await store.close();
      temp.remove();
    }
  });
});
