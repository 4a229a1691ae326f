import { createHash } from 'node:crypto';
import { canonicalize } from 'json-canonicalize';
import { EventMetadata } from '../port/stored-event';

/** prevHash of the first event of every stream. */
export const GENESIS_HASH = '0'.repeat(64);

export interface HashableEvent {
  eventId: string;
  type: string;
  data: unknown;
  metadata: Omit<EventMetadata, 'hash'> & { hash?: string };
}

/**
 * SHA-256 over the RFC 8785 canonical JSON of the event less its own hash. prevHash is part
 * of the metadata, so each hash seals the whole stream before it.
 */
export function computeEventHash(event: HashableEvent): string {
  const { hash: _ignored, ...metadata } = event.metadata;
  const canonical = canonicalize({
    eventId: event.eventId,
    type: event.type,
    data: event.data,
    metadata,
  });
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}
