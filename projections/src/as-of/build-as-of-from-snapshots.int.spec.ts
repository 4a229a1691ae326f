import BetterSqlite, { type Database } from 'better-sqlite3';
import { join } from 'node:path';
import { SqliteEventStore, StoredEvent } from '@c2g/event-store';
import { makeTempDir } from '../../../test/support/temp-dir';
import { Projection, ProjectionContext } from '../runner/projection';
import { ProjectionRunner } from '../runner/projection-runner';
import { buildAsOfFromSnapshots } from './build-as-of-from-snapshots';
import { snapshotPositions } from './read-model-snapshots';

/** Adds one per event: applying an event twice, or missing one, shows in the count. */
class EventCounter implements Projection {
  readonly name = 'event-counter';
  readonly version = 1;
  setup(db: Database): void {
    db.exec('CREATE TABLE counted (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL); INSERT INTO counted VALUES (1, 0)');
  }
  apply(_: StoredEvent, { db }: ProjectionContext): void {
    db.prepare('UPDATE counted SET n = n + 1').run();
  }
}

describe('as-of builds from read-model snapshots', () => {
  it('start from the nearest snapshot at or before the position and apply only the events after it', async () => {
    const temp = makeTempDir();
    const store = new SqliteEventStore({ file: join(temp.dir, 'events.sqlite') });
    const dir = join(temp.dir, 'read-models');
    try {
      for (let i = 0; i < 30; i += 1) await store.append(`s-${i}`, [{ type: 'Counted', data: {} }]);
      const runner = new ProjectionRunner({ store, dir, projections: [new EventCounter()], snapshotEvery: 10, batchSize: 4 });
      runner.start();
      expect(await runner.waitFor(['event-counter'], 30n, 10_000)).toBe(true);
      await runner.stop();
      expect(snapshotPositions(dir, 'event-counter', 1).every((p) => p >= 10n)).toBe(true);

      const countAt = async (position: bigint) => {
        const scratchDir = join(temp.dir, `as-of-${position}`);
        const built = await buildAsOfFromSnapshots(store, { readModelsDir: dir, projections: [new EventCounter()], position, scratchDir });
        const db = new BetterSqlite(built.files['event-counter'], { readonly: true });
        const { n } = db.prepare('SELECT n FROM counted').get() as { n: number };
        db.close();
        const base = snapshotPositions(dir, 'event-counter', 1).filter((p) => p <= position).pop() ?? 0n;
        return { n, applied: built.applied, fromSnapshot: position - base };
      };
      for (const position of [3n, 17n, 25n, 30n]) {
        const { n, applied, fromSnapshot } = await countAt(position);
        expect({ position, n }).toEqual({ position, n: Number(position) });
        // Only the events after the snapshot were read and applied, not the whole log.
        expect(applied).toBe(Number(fromSnapshot));
        if (position >= 17n) expect(applied).toBeLessThan(10);
      }
    } finally {
      await store.close();
      temp.remove();
    }
  }, 30_000);
});
