import type { Database } from 'better-sqlite3';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { EventStore, openSqliteDatabase, StoredEvent } from '@c2g/event-store';
import { Projection } from '../runner/projection';
import { openReadModel } from '../runner/read-model-file';
import { snapshotAtOrBefore, snapshotFile } from './read-model-snapshots';

export interface AsOfFiles {
  /** One read-model file per projection, as of `position`. */
  files: Record<string, string>;
  position: bigint;
  /** Events applied on top of the snapshots (what the answer cost). */
  applied: number;
}

/**
 * Builds read models as of a log position into files under `scratchDir`: each starts from
 * its newest snapshot at or before the position (or empty) and applies only the events
 * after it, with the projections' own code — so an as-of answer is built as the live one was,
 * at the cost of the events since the snapshot rather than the whole log.
 */
export async function buildAsOfFromSnapshots(
  store: EventStore,
  options: { readModelsDir: string; projections: Projection[]; position: bigint; scratchDir: string },
): Promise<AsOfFiles> {
  const { readModelsDir, projections, position, scratchDir } = options;
  mkdirSync(scratchDir, { recursive: true });
  const targets = projections.map((projection) => {
    const file = join(scratchDir, `${projection.name}.sqlite`);
    const base = snapshotAtOrBefore(readModelsDir, projection.name, projection.version, position);
    let db: Database;
    if (base === undefined) {
      db = openReadModel(file, projection);
    } else {
      copyFileSync(snapshotFile(readModelsDir, projection.name, projection.version, base), file);
      db = openSqliteDatabase(file, { synchronous: 'OFF' });
    }
    return { projection, file, db, base: base ?? 0n };
  });
  let applied = 0;
  try {
    const from = targets.reduce((min, t) => (t.base < min ? t.base : min), position);
    const batch: StoredEvent[] = [];
    const flush = () => {
      for (const { projection, db, base } of targets) {
        const events = batch.filter((event) => event.position > base);
        if (events.length === 0) continue;
        db.transaction(() => {
          for (const event of events) projection.apply(event, { db, changed: () => undefined });
          db.prepare('UPDATE _checkpoint SET position = ? WHERE id = 1').run(events[events.length - 1].position);
        })();
      }
      applied += batch.length;
      batch.length = 0;
    };
    if (from < position) {
      for await (const event of store.readAll({ fromPosition: from + 1n })) {
        if (event.position > position) break;
        batch.push(event);
        if (batch.length >= 1000) flush();
      }
    }
    flush();
  } finally {
    for (const { db } of targets) db.close();
  }
  return { files: Object.fromEntries(targets.map((t) => [t.projection.name, t.file])), position, applied };
}
