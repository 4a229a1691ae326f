import type { Database } from 'better-sqlite3';
import { StoreOpenError } from '../port/event-store-errors';
import { openSqliteDatabase, OpenSqliteOptions } from './open-sqlite-database';

/** What a c2g SQLite file is and how its schema grows. */
export interface SqliteSchema {
  /** Stamped into the file header, so a file of another kind (or application) is refused. */
  applicationId: number;
  /** What the file holds, for error messages ("event store", "access database"). */
  kind: string;
  /** Applied in order; the file's user_version counts those applied. Append, never edit. */
  migrations: readonly string[];
}

/** Refuses foreign or newer files, then brings an older or empty file up to date. */
export function migrateSqliteSchema(db: Database, file: string, schema: SqliteSchema): void {
  const latest = schema.migrations.length;
  const applicationId = db.pragma('application_id', { simple: true }) as number;
  const version = db.pragma('user_version', { simple: true }) as number;
  const tables = db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'`).get() as { n: number };

  if (applicationId !== schema.applicationId && (applicationId !== 0 || tables.n > 0)) {
    throw new StoreOpenError(`${file} is not a c2g ${schema.kind} (it holds other data)`);
  }
  if (version > latest) {
    throw new StoreOpenError(
      `${file} has ${schema.kind} schema ${version}, newer than this c2g understands (${latest}); upgrade c2g`,
    );
  }
  if (version === latest) return;

  db.transaction(() => {
    for (let next = version; next < latest; next += 1) db.exec(schema.migrations[next]);
    db.pragma(`application_id = ${schema.applicationId}`);
    db.pragma(`user_version = ${latest}`);
  }).immediate();
}

/**
 * Opens a c2g SQLite file and brings it to `schema`; `prepare` runs further set-up under the
 * same guard. A failure closes the file again, so no half-opened connection is left behind.
 */
export function openMigratedSqliteDatabase(file: string, schema: SqliteSchema, options: OpenSqliteOptions = {}, prepare?: (db: Database) => void): Database {
  const db = openSqliteDatabase(file, options);
  try {
    migrateSqliteSchema(db, file, schema);
    prepare?.(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
