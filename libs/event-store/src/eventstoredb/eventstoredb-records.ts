import { EventStoreDBClient, jsonEvent, type JSONEventType, type ResolvedEvent, StreamNotFoundError } from '@eventstore/db-client';
import { EventStoreError } from '../port/event-store-errors';
import { PreparedEvent } from '../port/prepare-append';
import { EventMetadata, StoredEvent } from '../port/stored-event';
import { toPortPosition } from './eventstoredb-positions';

/** Claim streams (one per event id) written by earlier versions of the adapter; still never part of the log. */
export const EVENT_ID_CLAIM_PREFIX = 'c2g-event-id-';

const NO_POSITION = 2n ** 63n;

export type RecordedEvent = NonNullable<ResolvedEvent['event']>;

/** Streams of the data-key store (eventstoredb-data-key-store.ts): one per person key, never part of the log. */
export const DATA_KEY_STREAM_PREFIX = 'c2g-data-key-';

/** Stream-id prefixes the adapter keeps for itself: never part of the log, never appended to by callers. */
const RESERVED_STREAM_PREFIXES = [EVENT_ID_CLAIM_PREFIX, DATA_KEY_STREAM_PREFIX] as const;

/** The reserved prefix `streamId` starts with, if any. */
export function reservedPrefixOf(streamId: string): string | undefined {
  return RESERVED_STREAM_PREFIXES.find((prefix) => streamId.startsWith(prefix));
}

/** c2g's own events: not the server's system records, not the adapter's own streams (event-id claims, data keys). */
export function isProgramRecord(event: RecordedEvent): boolean {
  return !event.streamId.startsWith('$') && !event.type.startsWith('$') && reservedPrefixOf(event.streamId) === undefined;
}

/** Every event of a bounded read, the read run to its end. */
export async function drain(read: AsyncIterable<ResolvedEvent>): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const { event } of read) if (event) events.push(event);
  return events;
}

/** A bounded read of one stream, drained; a stream that does not exist reads as empty. */
export async function readStreamEvents(
  client: EventStoreDBClient,
  streamId: string,
  options: Parameters<EventStoreDBClient['readStream']>[1],
): Promise<RecordedEvent[]> {
  try {
    return await drain(client.readStream(streamId, options));
  } catch (error) {
    if (error instanceof StreamNotFoundError) return [];
    throw error;
  }
}

export function toWireEvent(event: PreparedEvent, metadata: EventMetadata) {
  return jsonEvent<JSONEventType>({ id: event.eventId, type: event.type, data: event.data as never, metadata });
}

export function toStoredEvent(event: RecordedEvent): StoredEvent {
  // Older servers leave stream reads without an $all position (reported as 2^64 - 1).
  if (!event.isJson || !event.position || event.position.commit >= NO_POSITION) {
    throw new EventStoreError(
      `event ${event.id} in ${event.streamId} came back without JSON data or an $all position (this needs an EventStoreDB release whose stream reads carry $all positions)`,
    );
  }
  return {
    eventId: event.id,
    streamId: event.streamId,
    type: event.type,
    revision: event.revision,
    position: toPortPosition(event.position),
    data: event.data,
    metadata: event.metadata as EventMetadata,
  };
}
