import { StoredEvent } from '@c2g/event-store';
import { PersonStore } from '../persons/person-store';

/**
 * An event as an auditor sees it: exactly as stored (no upcasting), with its place in the
 * log and its hash links; a referenced person is shown with their details, or "[erased]".
 */
export function auditEventView(event: StoredEvent, persons: PersonStore) {
  const { prevHash, hash, ...metadata } = event.metadata;
  const personId = (event.data as { personId?: unknown }).personId;
  const person = typeof personId === 'string' ? persons.find(personId) : undefined;
  return {
    position: event.position.toString(),
    streamId: event.streamId,
    revision: Number(event.revision),
    eventId: event.eventId,
    type: event.type,
    data: event.data,
    metadata,
    prevHash,
    hash,
    ...(typeof personId === 'string'
      ? { person: !person ? '[unknown]' : person.erased ? '[erased]' : { name: person.name, email: person.email, phone: person.phone } }
      : {}),
  };
}
