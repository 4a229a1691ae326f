import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The node-local files of a data directory from before API keys and personal data moved into
 * the log (access.sqlite, persons.sqlite), written in their old schema, for migration and
 * backup tests.
 */
export function writeLegacyAccessFile(file: string, keys: { keyId: string; role: string; label: string; secretHash: string; revokedAt?: string }[]): void {
  const db = open(file, 0x43324741);
  db.exec(`CREATE TABLE api_keys (key_id TEXT PRIMARY KEY, role TEXT NOT NULL, label TEXT NOT NULL, secret_hash TEXT NOT NULL, created_at TEXT NOT NULL, revoked_at TEXT);`);
  const insert = db.prepare('INSERT INTO api_keys VALUES (?, ?, ?, ?, ?, ?)');
  for (const k of keys) insert.run(k.keyId, k.role, k.label, k.secretHash, '2025-01-01T00:00:00Z', k.revokedAt ?? null);
  db.close();
}

export function writeLegacyPersonFile(file: string, persons: { personId: string; name: string; email?: string; phone?: string; erased?: boolean }[]): void {
  const db = open(file, 0x43324750);
  db.exec(`CREATE TABLE persons (person_id TEXT PRIMARY KEY, name TEXT, email TEXT, phone TEXT, created_at TEXT NOT NULL, erased_at TEXT);`);
  const insert = db.prepare('INSERT INTO persons VALUES (?, ?, ?, ?, ?, ?)');
  for (const p of persons) {
    if (p.erased) insert.run(p.personId, null, null, null, '2025-01-01T00:00:00Z', '2025-02-01T00:00:00Z');
    else insert.run(p.personId, p.name, p.email ?? null, p.phone ?? null, '2025-01-01T00:00:00Z', null);
  }
  db.close();
}

function open(file: string, applicationId: number): Database.Database {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`application_id = ${applicationId}`);
  db.pragma('user_version = 1');
  return db;
}
