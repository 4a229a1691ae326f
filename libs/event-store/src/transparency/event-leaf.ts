import { canonicalize } from 'json-canonicalize';
import { StoredEvent } from '../port/stored-event';
import { leafHash } from './merkle-hash';

/**
 * What a leaf of the transparency tree commits to: the event's place in the log (position,
 * stream, revision), its id, and its SHA-256 event hash — which seals type, data and metadata
 * (RFC 8785 canonical JSON, see event-hash.ts). Data is committed through that hash rather than
 * copied here, so the leaf is the same whether the event is read as stored or upcast; verifiers
 * recompute the event hash from the stored bytes before trusting the leaf.
 */
export function eventLeafEntry(event: Pick<StoredEvent, 'eventId' | 'streamId' | 'revision' | 'position' | 'metadata'>): Buffer {
  return Buffer.from(
    canonicalize({
      eventHash: event.metadata.hash,
      eventId: event.eventId,
      position: event.position.toString(),
      revision: event.revision.toString(),
      streamId: event.streamId,
    }),
    'utf8',
  );
}

export function eventLeafHash(event: Pick<StoredEvent, 'eventId' | 'streamId' | 'revision' | 'position' | 'metadata'>): Buffer {
  return leafHash(eventLeafEntry(event));
}
