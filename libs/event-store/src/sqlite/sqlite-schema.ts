import { SqliteSchema } from './sqlite-migrations';

export const EVENT_STORE_SCHEMA: SqliteSchema = {
  applicationId: 0x43324745, // 'C2GE'
  kind: 'event store',
  migrations: [
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
    // Data keys of personal data (crypto-shredding): destroying one nulls its key, never the row,
    // so a destroyed key is told apart from one never made and is never made again.
    `CREATE TABLE data_keys (
       key_id    TEXT PRIMARY KEY,
       key       BLOB,
       destroyed INTEGER NOT NULL DEFAULT 0
     );`,
  ],
};

export const EVENT_STORE_SCHEMA_VERSION = EVENT_STORE_SCHEMA.migrations.length;
