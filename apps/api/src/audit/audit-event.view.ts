import { StoredEvent } from '@c2g/event-store';
import { DetailsState } from '../persons/person-vault';

/**
 * An event as an auditor sees it: exactly as stored (no upcasting), with its place in the
 * log and its hash links. Personal data is in the data only as ciphertext (what the chain
 * covers); a referenced person is shown as their id and whether their details still exist,
 * never the details themselves.
 */
export function auditEventView(event: StoredEvent, persons: ReadonlyMap<string, DetailsState>) {
  const { prevHash, hash, ...metadata } = event.metadata;
  const personId = personIdOf(event);
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
    ...(personId !== undefined ? { person: { personId, details: persons.get(personId) ?? 'unknown' } } : {}),
  };
}

export function personIdOf(event: StoredEvent): string | undefined {
  const personId = (event.data as { personId?: unknown } | null)?.personId;
  return typeof personId === 'string' ? personId : undefined;
}
