import { PreparedEvent } from '../port/prepare-append';
import { EventMetadata } from '../port/stored-event';
import { computeEventHash } from './event-hash';

/** Links a prepared event to its stream's previous hash and seals it. */
export function chainEvent(event: PreparedEvent, prevHash: string): EventMetadata {
  const metadata = { ...event.metadata, prevHash };
  const hash = computeEventHash({ eventId: event.eventId, type: event.type, data: event.data, metadata });
  return { ...metadata, hash };
}
