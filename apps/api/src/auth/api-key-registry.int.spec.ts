import { join } from 'node:path';
import { SqliteEventStore } from '@c2g/event-store';
import { ACCESS_STREAM, ApiKeysProjection, ProjectionRunner } from '@c2g/projections';
import { collect } from '../../../../test/support/collect';
import { makeTempDir } from '../../../../test/support/temp-dir';
import { startupEventMetadata } from '../commands/event-metadata';
import { ApiKeyRegistry } from './api-key-registry';
import { bootstrapAdminKey } from './bootstrap-admin-key';

/** The registry over a real log and a real read model (the runner on this thread, as the CLI runs it). */
describe('API key registry (keys as events)', () => {
  const temp = makeTempDir('c2g-keys-');
  const store = new SqliteEventStore({ file: join(temp.dir, 'events.sqlite') });
  const runner = new ProjectionRunner({ store, dir: join(temp.dir, 'read-models'), projections: [new ApiKeysProjection()] });
  const registry = new ApiKeyRegistry(store, runner, 5_000);
  const metadata = startupEventMetadata('test', '2026-12-04T00:00:00.000Z');
  beforeAll(() => runner.start());
  afterAll(async () => {
    await runner.stop();
    await store.close();
    temp.remove();
  });

  it('accepts a key as soon as issue() answers and refuses it as soon as revoke() answers (read-your-writes on this node)', async () => {
    const { key, principal } = await registry.issue('analyst', 'dashboard', metadata);
    expect(registry.authenticate(key)).toEqual({ keyId: principal.keyId, role: 'analyst', label: 'dashboard' });
    expect(registry.authenticate(key.slice(0, -1) + (key.endsWith('A') ? 'B' : 'A'))).toBeUndefined();
    await registry.revoke(principal.keyId, metadata);
    expect(registry.authenticate(key)).toBeUndefined();
    expect(await registry.revoke('nosuchkey0000000', metadata)).toBeUndefined();
  });

  it('answers 503 read-model-lagging, not success, when this node\'s read model does not reach the change in time', async () => {
    const fresh = makeTempDir('c2g-keys-');
    const log = new SqliteEventStore({ file: join(fresh.dir, 'events.sqlite') });
    // A read side that never runs: the key is in the log, but this node would still refuse it.
    const stalled = new ApiKeyRegistry(log, new ProjectionRunner({ store: log, dir: join(fresh.dir, 'rm'), projections: [new ApiKeysProjection()] }), 50);
    try {
      await expect(stalled.issue('analyst', 'dashboard', metadata)).rejects.toMatchObject({ status: 503, response: { code: 'read-model-lagging' } });
      expect((await collect(log.readStream(ACCESS_STREAM))).map((e) => e.type)).toEqual(['ApiKeyIssued']);
    } finally {
      await log.close();
      fresh.remove();
    }
  });

  it('generates the first admin key once, even when two nodes start together; then finds it', async () => {
    const fresh = makeTempDir('c2g-keys-');
    const log = new SqliteEventStore({ file: join(fresh.dir, 'events.sqlite') });
    const [a, b] = ['a', 'b'].map((node) => new ApiKeyRegistry(log, new ProjectionRunner({ store: log, dir: join(fresh.dir, node), projections: [new ApiKeysProjection()] }), 5_000));
    try {
      const started = await Promise.all([bootstrapAdminKey(a, undefined, metadata), bootstrapAdminKey(b, undefined, metadata)]);
      expect(started.filter((s) => s.generatedKey !== undefined)).toHaveLength(1);
      expect(await bootstrapAdminKey(a, undefined, metadata)).toEqual({});
      const issued = (await collect(log.readStream(ACCESS_STREAM))).map((e) => [e.type, (e.data as { role: string }).role]);
      expect(issued).toEqual([['ApiKeyIssued', 'admin']]);
    } finally {
      await log.close();
      fresh.remove();
    }
  });

  it('takes C2G_ADMIN_KEY from configuration, writing nothing to the log', async () => {
    const before = await store.headPosition();
    expect(await bootstrapAdminKey(registry, 'an operator secret of any form', metadata)).toEqual({});
    expect(registry.authenticate('an operator secret of any form')).toEqual({ keyId: 'configured-admin', role: 'admin', label: 'C2G_ADMIN_KEY' });
    expect(registry.authenticate('another secret')).toBeUndefined();
    expect(await store.headPosition()).toBe(before);
  });
});
