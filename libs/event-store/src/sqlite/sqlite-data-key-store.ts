import { randomBytes } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import { DATA_KEY_BYTES, DataKeyState, DataKeyStore } from '../port/data-key-store';
import { StoreClosedError } from '../port/event-store-errors';
import { openMigratedSqliteDatabase } from './sqlite-migrations';
import { EVENT_STORE_SCHEMA } from './sqlite-schema';

/**
 * Data keys in the `data_keys` table of the event-store file, so a backup of that one file
 * carries them. Its own connection has secure_delete on, so a destroyed key's bytes are
 * overwritten in the page, and the WAL is checkpointed and truncated after a destruction
 * (best effort: a long reader can hold the old frames until its read ends).
 */
export class SqliteDataKeyStore implements DataKeyStore {
  private readonly db: Database;
  private readonly insert: Statement;
  private readonly select: Statement;
  private readonly shred: Statement;
  private closed = false;

  constructor(file: string) {
    this.db = openMigratedSqliteDatabase(file, EVENT_STORE_SCHEMA, {}, (db) => db.pragma('secure_delete = ON'));
    this.insert = this.db.prepare('INSERT INTO data_keys (key_id, key) VALUES (?, ?) ON CONFLICT (key_id) DO NOTHING');
    this.select = this.db.prepare('SELECT key, destroyed FROM data_keys WHERE key_id = ?');
    this.shred = this.db.prepare('UPDATE data_keys SET key = NULL, destroyed = 1 WHERE key_id = ?');
  }

  async provide(keyId: string): Promise<Buffer | undefined> {
    this.assertOpen();
    // Most calls find the key already made: a read, no write transaction beside the event store's.
    let found = await this.find(keyId);
    if (found.state === 'unknown') {
      this.insert.run(keyId, randomBytes(DATA_KEY_BYTES)); // another connection may have won: DO NOTHING, read again
      found = await this.find(keyId);
    }
    return found.state === 'present' ? found.key : undefined;
  }

  async find(keyId: string): Promise<DataKeyState> {
    this.assertOpen();
    const row = this.select.get(keyId) as { key: Buffer | null; destroyed: number } | undefined;
    if (!row) return { state: 'unknown' };
    return row.destroyed || !row.key ? { state: 'destroyed' } : { state: 'present', key: row.key };
  }

  async destroy(keyId: string): Promise<boolean> {
    this.assertOpen();
    if (!this.select.get(keyId)) return false;
    this.shred.run(keyId);
    // The key's old page image may still sit in the WAL; fold it back and truncate the file.
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    return true;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreClosedError();
  }
}
