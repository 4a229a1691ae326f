import Database from 'better-sqlite3';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every table of every read model as sorted rows (bookkeeping tables left out): what two builds must agree on. */
export function dumpReadModels(dir: string): Record<string, string[]> {
  const dump: Record<string, string[]> = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.sqlite')).sort()) {
    const db = new Database(join(dir, file), { readonly: true });
    for (const [table, rows] of Object.entries(dumpTables(db))) dump[`${file}/${table}`] = rows;
    db.close();
  }
  return dump;
}

/** The tables of one read-model database (bookkeeping `_…` and `sqlite_…` tables left out) as sorted rows. */
export function dumpTables(db: Database.Database): Record<string, string[]> {
  const dump: Record<string, string[]> = {};
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_%' ESCAPE '\\' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .pluck()
    .all() as string[];
  for (const table of tables) {
    dump[table] = (db.prepare(`SELECT * FROM ${table}`).all() as object[]).map((r) => JSON.stringify(r)).sort();
  }
  return dump;
}
