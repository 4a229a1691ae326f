import Database from 'better-sqlite3';
import { accessSync, constants, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { StoreOpenError } from '../port/event-store-errors';

export type SqliteSynchronous = 'OFF' | 'NORMAL' | 'FULL' | 'EXTRA';

export interface OpenSqliteOptions {
  synchronous?: SqliteSynchronous;
  /** How long a writer waits for another process's write lock before failing. */
  busyTimeoutMs?: number;
  readonly?: boolean;
  /** WAL (default) for live files; DELETE for a self-contained copy with no -wal beside it (backups). */
  journalMode?: 'WAL' | 'DELETE';
}

/**
 * Opens (creating the directory when needed) an SQLite file in WAL mode, turning the usual
 * failures into errors that say what to do instead of a bare SQLITE_* code.
 */
export function openSqliteDatabase(file: string, options: OpenSqliteOptions = {}): Database.Database {
  const dir = dirname(file);
  if (!options.readonly) ensureWritableDirectory(dir);
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  } catch (error) {
    throw new StoreOpenError(`cannot open ${file}: ${(error as Error).message}`);
  }
  try {
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    if (!options.readonly) db.pragma(`journal_mode = ${options.journalMode ?? 'WAL'}`);
    db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
  } catch (error) {
    db.close();
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_NOTADB') {
      throw new StoreOpenError(`${file} is not a c2g database (not an SQLite file)`);
    }
    throw new StoreOpenError(`cannot open ${file}: ${(error as Error).message}`);
  }
  return db;
}

function ensureWritableDirectory(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (error) {
    throw new StoreOpenError(
      `data directory ${dir} is not a writable directory (${(error as NodeJS.ErrnoException).code ?? 'error'}); ` +
        'set C2G_DATA_DIR to a directory this process can write',
    );
  }
}
