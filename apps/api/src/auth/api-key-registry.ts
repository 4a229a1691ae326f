import type { Database, Statement } from 'better-sqlite3';
import { hashSecret, newApiKey, parseApiKey, secretMatches } from './api-key-secret';
import { Principal, Role } from './role';

/** The admin key given in C2G_ADMIN_KEY is any string; it lives under this fixed id. */
const CONFIGURED_ADMIN_KEY_ID = 'configured-admin';

interface KeyRow {
  key_id: string;
  role: Role;
  label: string;
  secret_hash: string;
}

/** Issues and checks API keys; only hashes are stored, a key is shown once at issue. */
export class ApiKeyRegistry {
  private readonly insert: Statement;
  private readonly byId: Statement;
  private readonly countAdmins: Statement;

  constructor(private readonly db: Database) {
    this.insert = db.prepare(
      `INSERT INTO api_keys (key_id, role, label, secret_hash, created_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (key_id) DO UPDATE SET secret_hash = excluded.secret_hash, revoked_at = NULL`,
    );
    this.byId = db.prepare(`SELECT key_id, role, label, secret_hash FROM api_keys WHERE key_id = ? AND revoked_at IS NULL`);
    this.countAdmins = db.prepare(`SELECT count(*) AS n FROM api_keys WHERE role = 'admin' AND revoked_at IS NULL`);
  }

  issue(role: Role, label: string, now: string): { key: string; principal: Principal } {
    const { keyId, secret, key } = newApiKey();
    this.insert.run(keyId, role, label, hashSecret(secret), now);
    return { key, principal: { keyId, role, label } };
  }

  /** C2G_ADMIN_KEY: the operator's own secret becomes (or replaces) the configured admin key. */
  useConfiguredAdminKey(secret: string, now: string): void {
    this.insert.run(CONFIGURED_ADMIN_KEY_ID, 'admin', 'C2G_ADMIN_KEY', hashSecret(secret), now);
  }

  hasAdminKey(): boolean {
    return (this.countAdmins.get() as { n: number }).n > 0;
  }

  authenticate(presented: string): Principal | undefined {
    const parsed = parseApiKey(presented);
    const row = this.byId.get(parsed ? parsed.keyId : CONFIGURED_ADMIN_KEY_ID) as KeyRow | undefined;
    if (!row || !secretMatches(parsed ? parsed.secret : presented, row.secret_hash)) return undefined;
    return { keyId: row.key_id, role: row.role, label: row.label };
  }

  close(): void {
    this.db.close();
  }
}
