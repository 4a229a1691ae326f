import type { Database } from 'better-sqlite3';
import { PairingEvent, PersonEvent, SealedPersonDetails } from '@c2g/domain';
import { StoredEvent } from '@c2g/event-store';
import { domainEvent } from '../runner/domain-event';
import { PreparedStatements } from '../runner/prepared-statements';
import { Projection, ProjectionContext } from '../runner/projection';

const sql = new PreparedStatements({
  record: `INSERT INTO persons (person_id, sealed_details) VALUES (?, ?)
           ON CONFLICT (person_id) DO UPDATE SET sealed_details = excluded.sealed_details WHERE persons.erased = 0`,
  byId: 'SELECT sealed_details, erased FROM persons WHERE person_id = ?',
  erase: `INSERT INTO persons (person_id, sealed_details, erased) VALUES (?, NULL, 1)
          ON CONFLICT (person_id) DO UPDATE SET sealed_details = NULL, erased = 1`,
});

/**
 * Where each person's sealed details are in the log (ciphertext only: the keys stay in the
 * key store). An erasure drops the ciphertext here too, though it is unreadable anyway, and
 * details sealed for the person afterwards are not kept (an erasure is for good).
 */
export class PersonsProjection implements Projection {
  readonly name = 'persons';
  readonly version = 1;

  setup(db: Database): void {
    db.exec(`CREATE TABLE persons (
      person_id TEXT PRIMARY KEY, sealed_details TEXT, erased INTEGER NOT NULL DEFAULT 0
    ) WITHOUT ROWID;`);
  }

  apply(stored: StoredEvent, { db }: ProjectionContext): void {
    const q = sql.for(db);
    const event = domainEvent<PairingEvent | PersonEvent>(stored);
    switch (event.type) {
      case 'TeamMemberAssigned':
      case 'PersonDetailsRecorded':
        if (event.data.personDetails) q.record.run(event.data.personId, JSON.stringify(event.data.personDetails));
        return;
      case 'PersonErased':
        q.erase.run(event.data.personId);
        return;
      default:
        return;
    }
  }
}

export interface PersonRecord {
  personId: string;
  sealedDetails?: SealedPersonDetails;
  erased: boolean;
}

export function findPerson(db: Database, personId: string): PersonRecord | undefined {
  const row = sql.for(db).byId.get(personId) as
    | { sealed_details: string | null; erased: number }
    | undefined;
  if (!row) return undefined;
  return { personId, erased: row.erased === 1, ...(row.sealed_details ? { sealedDetails: JSON.parse(row.sealed_details) } : {}) };
}
