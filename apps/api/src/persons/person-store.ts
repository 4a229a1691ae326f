import type { Database, Statement } from 'better-sqlite3';
import { migrateSqliteSchema, openSqliteDatabase, SqliteSchema } from '@c2g/event-store';

/**
 * Team members' names and contacts, kept out of the event log: events carry a person id
 * only, so erasing a person removes the personal data and leaves every hash chain intact.
 */
const PERSON_SCHEMA: SqliteSchema = {
  applicationId: 0x43324750, // 'C2GP'
  kind: 'person store',
  migrations: [
    `CREATE TABLE persons (
       person_id  TEXT PRIMARY KEY,
       name       TEXT,
       email      TEXT,
       phone      TEXT,
       created_at TEXT NOT NULL,
       erased_at  TEXT
     );`,
  ],
};

export interface Person {
  personId: string;
  name?: string;
  email?: string;
  phone?: string;
  erased: boolean;
}

export class PersonStore {
  private readonly upsert: Statement;
  private readonly byId: Statement;
  private readonly erasure: Statement;
  private readonly removal: Statement;

  constructor(private readonly db: Database) {
    this.upsert = db.prepare(
      `INSERT INTO persons (person_id, name, email, phone, created_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (person_id) DO NOTHING`,
    );
    this.byId = db.prepare('SELECT * FROM persons WHERE person_id = ?');
    this.erasure = db.prepare('UPDATE persons SET name = NULL, email = NULL, phone = NULL, erased_at = ? WHERE person_id = ?');
    this.removal = db.prepare('DELETE FROM persons WHERE person_id = ?');
  }

  static open(file: string): PersonStore {
    const db = openSqliteDatabase(file);
    try {
      migrateSqliteSchema(db, file, PERSON_SCHEMA);
    } catch (error) {
      db.close();
      throw error;
    }
    return new PersonStore(db);
  }

  /** Idempotent: a retried command stores the same person once. */
  record(personId: string, details: { name: string; email?: string; phone?: string }, now: string): void {
    this.upsert.run(personId, details.name, details.email ?? null, details.phone ?? null, now);
  }

  find(personId: string): Person | undefined {
    const row = this.byId.get(personId) as Record<string, string | null> | undefined;
    if (!row) return undefined;
    return {
      personId,
      name: row.name ?? undefined,
      email: row.email ?? undefined,
      phone: row.phone ?? undefined,
      erased: row.erased_at !== null,
    };
  }

  /** Removes the personal data; returns false for an unknown person. */
  erase(personId: string, now: string): boolean {
    return this.erasure.run(now, personId).changes > 0;
  }

  /** Drops a record no event refers to (its command was refused). */
  remove(personId: string): void {
    this.removal.run(personId);
  }

  close(): void {
    this.db.close();
  }
}
