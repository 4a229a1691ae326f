import type { Database, Statement } from 'better-sqlite3';

/**
 * A projection's SQL, prepared once per database it writes (the live one, a rebuild, an
 * as-of scratch database) instead of on every event.
 */
export class PreparedStatements<K extends string> {
  private readonly cache = new WeakMap<Database, Record<K, Statement>>();

  constructor(private readonly sql: Record<K, string>) {}

  for(db: Database): Record<K, Statement> {
    let prepared = this.cache.get(db);
    if (!prepared) {
      prepared = Object.fromEntries(
        Object.entries<string>(this.sql).map(([key, text]) => [key, db.prepare(text)]),
      ) as Record<K, Statement>;
      this.cache.set(db, prepared);
    }
    return prepared;
  }
}
