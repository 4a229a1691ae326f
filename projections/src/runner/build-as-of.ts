import Database from 'better-sqlite3';
import { EventStore } from '@c2g/event-store';
import { Projection } from './projection';

/** "As the program knew it then": up to a log position, or up to a moment (inclusive). */
export type AsOf = { position: bigint } | { until: string };

export interface AsOfBuild {
  /** One scratch in-memory database per projection; close them when done. */
  databases: Map<string, Database.Database>;
  /** The last event applied. */
  position: bigint;
  close(): void;
}

/**
 * Replays the log into scratch databases, stopping at the as-of point, with the projections'
 * own code — so an as-of answer is built exactly as the live one was.
 */
export async function buildAsOf(store: EventStore, projections: Projection[], asOf: AsOf): Promise<AsOfBuild> {
  const databases = new Map<string, Database.Database>();
  for (const projection of projections) {
    const db = new Database(':memory:');
    projection.setup(db);
    databases.set(projection.name, db);
  }
  let position = 0n;
  const batch: Parameters<Projection['apply']>[0][] = [];
  const flush = () => {
    for (const projection of projections) {
      const db = databases.get(projection.name)!;
      db.transaction(() => {
        for (const event of batch) projection.apply(event, { db, changed: () => undefined });
      })();
    }
    batch.length = 0;
  };
  for await (const event of store.readAll()) {
    if ('position' in asOf) {
      if (event.position > asOf.position) break;
    } else if (event.metadata.occurredAt > asOf.until) {
      // occurredAt is taken when a request starts, so it is not strictly ordered by position: keep scanning.
      continue;
    }
    batch.push(event);
    position = event.position;
    if (batch.length >= 1000) flush();
  }
  flush();
  return { databases, position, close: () => databases.forEach((db) => db.close()) };
}
