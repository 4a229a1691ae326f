import type { Database } from 'better-sqlite3';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openMigratedSqliteDatabase, SqliteSchema } from '@c2g/event-store';
import { Projection } from './projection';

/** Bookkeeping every read-model file carries next to the projection's own tables. */
const READ_MODEL_SCHEMA: SqliteSchema = {
  applicationId: 0x43324752, // 'C2GR'
  kind: 'read-model database',
  migrations: [
    `CREATE TABLE _checkpoint (id INTEGER PRIMARY KEY CHECK (id = 1), position INTEGER NOT NULL, state TEXT NOT NULL);
     INSERT INTO _checkpoint (id, position, state) VALUES (1, 0, 'building');
     CREATE TABLE _parked (
       position INTEGER PRIMARY KEY, event_id TEXT NOT NULL, stream_id TEXT NOT NULL,
       type TEXT NOT NULL, error TEXT NOT NULL, parked_at TEXT NOT NULL
     );`,
  ],
};

export function readModelFile(dir: string, name: string, version: number): string {
  return join(dir, `${name}.v${version}.sqlite`);
}

/** Read models can be rebuilt from the log, so commits skip the fsync (a crash loses only work). */
export function openReadModel(file: string, projection: Projection): Database {
  const fresh = !existsSync(file);
  return openMigratedSqliteDatabase(file, READ_MODEL_SCHEMA, { synchronous: 'NORMAL' }, (db) => {
    if (fresh) db.transaction(() => projection.setup(db))();
  });
}

/** Versions of this projection on disk other than `version`, newest first. */
export function otherVersions(dir: string, name: string, version: number): number[] {
  if (!existsSync(dir)) return [];
  const pattern = new RegExp(`^${name}\\.v(\\d+)\\.sqlite$`);
  return readdirSync(dir)
    .map((file) => pattern.exec(file))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => Number(match[1]))
    .filter((v) => v !== version)
    .sort((a, b) => b - a);
}

export function removeReadModel(dir: string, name: string, version: number): void {
  const file = readModelFile(dir, name, version);
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
}
