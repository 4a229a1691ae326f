import type { Database } from 'better-sqlite3';
import { StoreOpenError } from '../port/event-store-errors';

/** 'C2GE' — marks a file as a c2g event store, so a foreign SQLite file is refused. */
export const C2G_EVENT_STORE_APPLICATION_ID = 0x43324745;

/**
 * Schema migrations, applied in order; the file's user_version is the number applied.
 * Append new entries, never edit old ones.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE events (
     position  INTEGER PRIMARY KEY AUTOINCREMENT,
     event_id  TEXT NOT NULL UNIQUE,
     stream_id TEXT NOT NULL,
     revision  INTEGER NOT NULL,
     type      TEXT NOT NULL,
     data      TEXT NOT NULL,
     metadata  TEXT NOT NULL,
     prev_hash TEXT NOT NULL,
     hash      TEXT NOT NULL,
     UNIQUE (stream_id, revision)
   );
   CREATE TRIGGER events_are_append_only_update BEFORE UPDATE ON events
     BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
   CREATE TRIGGER events_are_append_only_delete BEFORE DELETE ON events
     BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;`,
];

export const EVENT_STORE_SCHEMA_VERSION = MIGRATIONS.length;

/** Refuses foreign or newer files, then brings an older or empty file up to date. */
export function migrateEventStoreSchema(db: Database, file: string): void {
  const applicationId = db.pragma('application_id', { simple: true }) as number;
  const version = db.pragma('user_version', { simple: true }) as number;
  const tables = db
    .prepare(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'`)
    .get() as { n: number };

  if (applicationId !== C2G_EVENT_STORE_APPLICATION_ID && (applicationId !== 0 || tables.n > 0)) {
    throw new StoreOpenError(`${file} is not a c2g event store (it holds another application's data)`);
  }
  if (version > EVENT_STORE_SCHEMA_VERSION) {
    throw new StoreOpenError(
      `${file} has event-store schema ${version}, newer than this c2g understands ` +
        `(${EVENT_STORE_SCHEMA_VERSION}); upgrade c2g`,
    );
  }
  if (version === EVENT_STORE_SCHEMA_VERSION) return;

  db.transaction(() => {
    for (let next = version; next < EVENT_STORE_SCHEMA_VERSION; next += 1) {
      db.exec(MIGRATIONS[next]);
    }
    db.pragma(`application_id = ${C2G_EVENT_STORE_APPLICATION_ID}`);
    db.pragma(`user_version = ${EVENT_STORE_SCHEMA_VERSION}`);
  }).immediate();
}
