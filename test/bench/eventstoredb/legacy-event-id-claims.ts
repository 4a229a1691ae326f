import { EventStoreDBClient, jsonEvent, NO_STREAM, WrongExpectedVersionError } from '@eventstore/db-client';
import { EventIdConflictError, PreparedEvent } from '../../../libs/event-store/src';
import { EVENT_ID_CLAIM_PREFIX, readStreamEvents } from '../../../libs/event-store/src/eventstoredb/eventstoredb-records';

/**
 * The event-id claims the EventStoreDB adapter made before 2026-12 (see docs/eventstoredb.md),
 * kept only so the bench can measure what dropping them saved.
 *
 * EventStoreDB keeps no index by event id, yet the port promises an id lives in one stream
 * only. Each given id is claimed first in a stream of its own, written with "no stream": the
 * first claimant wins. Returns true when this stream already held some of the claims, i.e.
 * the append may be a retry. A claim whose append never landed only makes that check run.
 */
export async function claimEventIds(client: EventStoreDBClient, streamId: string, events: PreparedEvent[]): Promise<boolean> {
  const given = events.filter((event) => event.eventIdGiven);
  const seen = await Promise.all(given.map((event) => claim(client, streamId, event.eventId)));
  return seen.some(Boolean);
}

async function claim(client: EventStoreDBClient, streamId: string, eventId: string): Promise<boolean> {
  const claimStream = `${EVENT_ID_CLAIM_PREFIX}${eventId}`;
  try {
    await client.appendToStream(claimStream, jsonEvent({ type: 'EventIdClaimed', data: { streamId } }), { expectedRevision: NO_STREAM });
    return false;
  } catch (error) {
    if (!(error instanceof WrongExpectedVersionError)) throw error;
  }
  const [claimed] = await readStreamEvents(client, claimStream, { maxCount: 1 });
  const owner = (claimed?.data as { streamId?: string } | undefined)?.streamId;
  if (owner !== streamId) throw new EventIdConflictError(eventId, 'already stored in another stream');
  return true;
}
