import type { Database } from 'better-sqlite3';
import { StoredEvent } from '@c2g/event-store';
import { domainEvent } from '../runner/domain-event';
import { PreparedStatements } from '../runner/prepared-statements';
import { Projection, ProjectionContext } from '../runner/projection';

/** The stream every node's API keys live in (hashes only), and its events. */
export const ACCESS_STREAM = 'access';

export type AccessEvent =
  | { type: 'ApiKeyIssued'; data: { keyId: string; role: string; label: string; secretHash: string } }
  | { type: 'ApiKeyRevoked'; data: { keyId: string } };

const sql = new PreparedStatements({
  issue: `INSERT INTO api_keys (key_id, role, label, secret_hash) VALUES (?, ?, ?, ?)
          ON CONFLICT (key_id) DO UPDATE SET role = excluded.role, label = excluded.label, secret_hash = excluded.secret_hash, revoked = 0`,
  revoke: 'UPDATE api_keys SET revoked = 1 WHERE key_id = ?',
});

/** The API keys every node authenticates against, folded from the access stream. */
export class ApiKeysProjection implements Projection {
  readonly name = 'api-keys';
  readonly version = 1;

  setup(db: Database): void {
    db.exec(`CREATE TABLE api_keys (
      key_id TEXT PRIMARY KEY, role TEXT NOT NULL, label TEXT NOT NULL, secret_hash TEXT NOT NULL,
      revoked INTEGER NOT NULL DEFAULT 0
    ) WITHOUT ROWID;`);
  }

  apply(stored: StoredEvent, { db }: ProjectionContext): void {
    if (stored.streamId !== ACCESS_STREAM) return;
    const event = domainEvent<AccessEvent>(stored);
    const q = sql.for(db);
    if (event.type === 'ApiKeyIssued') q.issue.run(event.data.keyId, event.data.role, event.data.label, event.data.secretHash);
    else if (event.type === 'ApiKeyRevoked') q.revoke.run(event.data.keyId);
  }
}

export interface ApiKeyRecord {
  keyId: string;
  role: string;
  label: string;
  secretHash: string;
  revoked: boolean;
}

const lookups = new PreparedStatements({ byId: 'SELECT key_id, role, label, secret_hash, revoked FROM api_keys WHERE key_id = ?' });

export function findApiKey(db: Database, keyId: string): ApiKeyRecord | undefined {
  const row = lookups.for(db).byId.get(keyId) as { key_id: string; role: string; label: string; secret_hash: string; revoked: number } | undefined;
  return row && { keyId: row.key_id, role: row.role, label: row.label, secretHash: row.secret_hash, revoked: row.revoked === 1 };
}
