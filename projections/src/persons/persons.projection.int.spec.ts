import BetterSqlite from 'better-sqlite3';
import { StoredEvent } from '@c2g/event-store';
import { findPerson, PersonsProjection } from './persons.projection';

const sealed = (n: number) => ({ keyId: 'person-1', iv: `iv${n}`, tag: `tag${n}`, ciphertext: `c${n}` });
let position = 0n;
const stored = (type: string, data: object) => ({ type, data, streamId: 'x', revision: 0n, position: ++position, eventId: String(position), metadata: {} }) as unknown as StoredEvent;

describe('the persons read model', () => {
  it('keeps an erasure for good: details sealed for the person afterwards are not stored', () => {
    const db = new BetterSqlite(':memory:');
    const projection = new PersonsProjection();
    projection.setup(db);
    const apply = (type: string, data: object) => projection.apply(stored(type, data), { db } as never);
    apply('TeamMemberAssigned', { personId: 'person-1', personDetails: sealed(1) });
    expect(findPerson(db, 'person-1')).toEqual({ personId: 'person-1', erased: false, sealedDetails: sealed(1) });
    apply('PersonErased', { personId: 'person-1' });
    apply('PersonDetailsRecorded', { personId: 'person-1', personDetails: sealed(2) });
    expect(findPerson(db, 'person-1')).toEqual({ personId: 'person-1', erased: true });
    db.close();
  });
});
