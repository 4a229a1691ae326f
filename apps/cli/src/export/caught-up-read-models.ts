import type { Database } from 'better-sqlite3';
import { StoreOptions, projectionRunner, withStore } from '../cli-context';

/**
 * Brings the data directory's read models up to the log's head (safe while a server feeds
 * them too), then lets `body` query them.
 */
export async function withCaughtUpReadModels<T>(options: StoreOptions, body: (db: (name: string) => Database, position: bigint) => T): Promise<T> {
  return withStore(options, async (store) => {
    const head = await store.headPosition();
    const runner = projectionRunner(store, options);
    runner.start();
    try {
      const names = runner.status().map((p) => p.name);
      const caughtUp = (await runner.waitFor(names, head, 10 * 60_000)) && (await runner.waitUntilCaughtUp(10 * 60_000));
      if (!caughtUp) {
        const parked = runner.status().filter((p) => p.parked).map((p) => p.name);
        throw new Error(`read models did not catch up${parked.length ? `: parked ${parked.join(', ')} (see c2g status)` : ''}`);
      }
      return body((name) => runner.database(name), head);
    } finally {
      await runner.stop();
    }
  });
}
