import Database from 'better-sqlite3';
import { join } from 'node:path';
import { makeTempDir } from '../../../../test/support/temp-dir';
import { StoreOpenError } from '../port/event-store-errors';
import { migrateSqliteSchema, SqliteSchema } from './sqlite-migrations';

const schema: SqliteSchema = {
  applicationId: 0x43324754, // 'C2GT'
  kind: 'test database',
  migrations: ['CREATE TABLE a (id INTEGER PRIMARY KEY)', 'CREATE TABLE b (id INTEGER PRIMARY KEY)'],
};

describe('migrateSqliteSchema', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let file: string;
  beforeEach(() => {
    temp = makeTempDir();
    file = join(temp.dir, 'db.sqlite');
  });
  afterEach(() => temp.remove());

  const tables = (db: Database.Database) =>
    (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[]).map((t) => t.name);

  it('brings an empty file to the latest version and stamps it as its kind', () => {
    const db = new Database(file);
    migrateSqliteSchema(db, file, schema);
    expect(tables(db)).toEqual(['a', 'b']);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.pragma('application_id', { simple: true })).toBe(schema.applicationId);
    migrateSqliteSchema(db, file, schema);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    db.close();
  });

  it('applies only the migrations an older file lacks', () => {
    const db = new Database(file);
    migrateSqliteSchema(db, file, { ...schema, migrations: schema.migrations.slice(0, 1) });
    db.prepare('INSERT INTO a (id) VALUES (7)').run();
    migrateSqliteSchema(db, file, schema);
    expect(tables(db)).toEqual(['a', 'b']);
    expect(db.prepare('SELECT id FROM a').all()).toEqual([{ id: 7 }]);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    db.close();
  });

  it('refuses a file stamped by another application, even an empty one', () => {
    const db = new Database(file);
    db.pragma('application_id = 12345');
    expect(() => migrateSqliteSchema(db, file, schema)).toThrow(StoreOpenError);
    expect(() => migrateSqliteSchema(db, file, schema)).toThrow(`${file} is not a c2g test database (it holds other data)`);
    expect(tables(db)).toEqual([]);
    db.close();
  });

  it('refuses a file of a newer schema, naming both versions', () => {
    const db = new Database(file);
    migrateSqliteSchema(db, file, schema);
    db.pragma('user_version = 3');
    expect(() => migrateSqliteSchema(db, file, schema)).toThrow(
      `${file} has test database schema 3, newer than this c2g understands (2); upgrade c2g`,
    );
    db.close();
  });

  it('leaves the file as it was when a migration fails', () => {
    const db = new Database(file);
    expect(() => migrateSqliteSchema(db, file, { ...schema, migrations: [schema.migrations[0], 'NOT SQL'] })).toThrow();
    expect(tables(db)).toEqual([]);
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.pragma('application_id', { simple: true })).toBe(0);
    db.close();
  });
});
