import { existsSync, renameSync } from 'node:fs';
import { v5 as uuidV5 } from 'uuid';
import { EventStore } from '@c2g/event-store';
import { ACCESS_STREAM, AccessEvent } from '@c2g/projections';
import { openSqliteDatabase } from '@c2g/event-store';
import { CONFIGURED_ADMIN_KEY_ID } from './api-key-registry';

const MIGRATION_NAMESPACE = '5b0f3f7e-3a8c-4d55-9f1e-7c1f1d2c9a31';

/**
 * Carries the keys of a node-local access.sqlite (from before keys were events) into the
 * access stream, once: a key already in the stream is skipped, so a start cut short is
 * simply repeated. The file is then renamed access.sqlite.migrated (it holds hashes only).
 * The C2G_ADMIN_KEY row is not carried: that key is configuration on every node.
 */
export async function migrateAccessFile(file: string, store: EventStore, metadata: Record<string, unknown>): Promise<number> {
  if (!existsSync(file)) return 0;
  const db = openSqliteDatabase(file, { readonly: true });
  let rows: { key_id: string; role: string; label: string; secret_hash: string; revoked_at: string | null }[];
  try {
    rows = db.prepare('SELECT key_id, role, label, secret_hash, revoked_at FROM api_keys ORDER BY created_at, key_id').all() as typeof rows;
  } finally {
    db.close();
  }
  const present = new Set<string>();
  for await (const event of store.readStream(ACCESS_STREAM)) if (event.type === 'ApiKeyIssued') present.add((event.data as { keyId: string }).keyId);
  let carried = 0;
  for (const row of rows) {
    if (row.key_id === CONFIGURED_ADMIN_KEY_ID || present.has(row.key_id)) continue;
    const events: AccessEvent[] = [{ type: 'ApiKeyIssued', data: { keyId: row.key_id, role: row.role, label: row.label, secretHash: row.secret_hash } }];
    if (row.revoked_at) events.push({ type: 'ApiKeyRevoked', data: { keyId: row.key_id } });
    await store.append(ACCESS_STREAM, events.map((event, i) => ({ eventId: uuidV5(`access-file/${row.key_id}/${i}`, MIGRATION_NAMESPACE), ...event, metadata })));
    carried += 1;
  }
  for (const suffix of ['', '-wal', '-shm']) if (existsSync(file + suffix)) renameSync(file + suffix, `${file}.migrated${suffix}`);
  return carried;
}
