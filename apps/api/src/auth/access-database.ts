import type { Database } from 'better-sqlite3';
import { migrateSqliteSchema, openSqliteDatabase, SqliteSchema } from '@c2g/event-store';

/** Node-local secrets (API key hashes): never events, so they never enter the audit log. */
const ACCESS_SCHEMA: SqliteSchema = {
  applicationId: 0x43324741, // 'C2GA'
  kind: 'access database',
  migrations: [
    `CREATE TABLE api_keys (
       key_id      TEXT PRIMARY KEY,
       role        TEXT NOT NULL,
       label       TEXT NOT NULL,
       secret_hash TEXT NOT NULL,
       created_at  TEXT NOT NULL,
       revoked_at  TEXT
     );`,
  ],
};

export function openAccessDatabase(file: string): Database {
  const db = openSqliteDatabase(file);
  try {
    migrateSqliteSchema(db, file, ACCESS_SCHEMA);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
