import { existsSync, rmSync } from 'node:fs';
import { v5 as uuidV5 } from 'uuid';
import { PersonEvent, personStreamId } from '@c2g/domain';
import { DataKeyStore, EventStore, openSqliteDatabase, WrongExpectedVersionError } from '@c2g/event-store';
import { sealPersonDetails } from './person-details-cipher';

const MIGRATION_NAMESPACE = '9d3c1a57-2b64-4f0e-8a6d-1e5f4b7c2d90';

/**
 * Carries a node-local persons.sqlite (from before personal data was in the log) into it,
 * once: each person's details sealed under a new key in PersonDetailsRecorded (an erased
 * person: a destroyed key and PersonErased). A person whose stream exists is skipped, so a
 * start cut short is repeated. The file is then deleted: it held the details in the clear.
 */
export async function migratePersonFile(file: string, store: EventStore, keys: DataKeyStore, metadata: Record<string, unknown>): Promise<number> {
  if (!existsSync(file)) return 0;
  const db = openSqliteDatabase(file, { readonly: true });
  let rows: { person_id: string; name: string | null; email: string | null; phone: string | null; erased_at: string | null }[];
  try {
    rows = db.prepare('SELECT person_id, name, email, phone, erased_at FROM persons ORDER BY person_id').all() as typeof rows;
  } finally {
    db.close();
  }
  let carried = 0;
  for (const row of rows) {
    const personId = row.person_id;
    let event: PersonEvent;
    if (row.erased_at !== null || row.name === null) {
      await keys.provide(personId);
      await keys.destroy(personId);
      event = { type: 'PersonErased', data: { personId } };
    } else {
      const key = await keys.provide(personId);
      if (!key) continue; // erased since an earlier, interrupted run
      const details = { name: row.name, ...(row.email ? { email: row.email } : {}), ...(row.phone ? { phone: row.phone } : {}) };
      event = { type: 'PersonDetailsRecorded', data: { personId, personDetails: sealPersonDetails(personId, details, key) } };
    }
    try {
      await store.append(personStreamId(personId), [{ eventId: uuidV5(`person-file/${personId}`, MIGRATION_NAMESPACE), ...event, metadata }], { expectedRevision: 'no_stream' });
      carried += 1;
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
    }
  }
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  return carried;
}
