import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '../../../../test/support/temp-dir';
import { StoreOpenError } from '../port/event-store-errors';
import { openSqliteDatabase } from './open-sqlite-database';

describe('openSqliteDatabase', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => (temp = makeTempDir()));
  afterEach(() => temp.remove());

  it('opens for writing in WAL mode, synchronous=FULL, waiting 5 s for another writer, by default', () => {
    const db = openSqliteDatabase(join(temp.dir, 'a', 'b.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.readonly).toBe(false);
    db.close();
  });

  it('takes the journal mode, synchronous level and busy timeout it is given', () => {
    const db = openSqliteDatabase(join(temp.dir, 'copy.sqlite'), { journalMode: 'DELETE', synchronous: 'NORMAL', busyTimeoutMs: 250 });
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(250);
    db.close();
  });

  it('opens read-only only a file that exists, creating nothing', () => {
    const file = join(temp.dir, 'missing', 'events.sqlite');
    expect(() => openSqliteDatabase(file, { readonly: true })).toThrow(StoreOpenError);
    expect(() => openSqliteDatabase(file, { readonly: true })).toThrow(/cannot open .*events\.sqlite/);
    expect(existsSync(join(temp.dir, 'missing'))).toBe(false);
    openSqliteDatabase(file).close();
    const db = openSqliteDatabase(file, { readonly: true });
    expect(db.readonly).toBe(true);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('names the reason a data directory cannot be used', () => {
    const blocker = join(temp.dir, 'a-file');
    openSqliteDatabase(blocker).close();
    expect(() => openSqliteDatabase(join(blocker, 'events.sqlite'))).toThrow(
      /^data directory .*a-file is not a writable directory \((EEXIST|ENOTDIR)\); set C2G_DATA_DIR to a directory this process can write$/,
    );
  });

  it('opens a self-contained copy (journal mode DELETE) read-only without turning it into WAL', () => {
    const file = join(temp.dir, 'backup.sqlite');
    openSqliteDatabase(file, { journalMode: 'DELETE' }).close();
    const db = openSqliteDatabase(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    db.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
  });
});

