import { randomUUID } from 'node:crypto';
import { InvalidAppendError } from './event-store-errors';
import { EventMetadataInput, EventToAppend } from './stored-event';

/** An event checked and normalised, ready for any adapter to chain and store. */
export interface PreparedEvent {
  eventId: string;
  /** False when the store generated the id: such an event cannot be a retry of an earlier append. */
  eventIdGiven: boolean;
  type: string;
  /** `data` exactly as it will read back (JSON round-tripped), so hashes verify later. */
  data: unknown;
  dataJson: string;
  metadata: EventMetadataInput & { occurredAt: string; schemaVersion: number };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_STREAM_ID_LENGTH = 256;
const MAX_TYPE_LENGTH = 128;

/** Validates one append's arguments and fills in event ids and server-side metadata. */
export function prepareAppend(
  streamId: unknown,
  events: unknown,
  now: () => string = () => new Date().toISOString(),
): PreparedEvent[] {
  assertStreamId(streamId);
  if (!Array.isArray(events)) throw new InvalidAppendError('events must be an array');
  let occurredAt: string | undefined;
  const stamp = () => (occurredAt ??= now()); // one time for the whole append, taken only if an event lacks one
  return events.map((event: EventToAppend, index) => prepareEvent(event, index, stamp));
}

function assertStreamId(streamId: unknown): asserts streamId is string {
  if (
    typeof streamId !== 'string' ||
    streamId.length === 0 ||
    streamId.length > MAX_STREAM_ID_LENGTH ||
    streamId.startsWith('$') ||
    /[\u0000-\u001f\u007f]/.test(streamId)
  ) {
    throw new InvalidAppendError(
      `stream id must be 1-${MAX_STREAM_ID_LENGTH} printable characters not starting with '$'`,
    );
  }
}

function prepareEvent(event: EventToAppend, index: number, stamp: () => string): PreparedEvent {
  const where = `events[${index}]`;
  if (typeof event !== 'object' || event === null) throw new InvalidAppendError(`${where} must be an object`);
  const eventId = event.eventId ?? randomUUID();
  if (typeof eventId !== 'string' || !UUID.test(eventId)) {
    throw new InvalidAppendError(`${where}.eventId must be a UUID`);
  }
  if (typeof event.type !== 'string' || event.type.length === 0 || event.type.length > MAX_TYPE_LENGTH) {
    throw new InvalidAppendError(`${where}.type must be a non-empty string of at most ${MAX_TYPE_LENGTH}`);
  }
  const dataJson = toJson(event.data, `${where}.data`);
  const metadata = JSON.parse(toJson(event.metadata ?? {}, `${where}.metadata`));
  return {
    eventId: eventId.toLowerCase(),
    eventIdGiven: event.eventId !== undefined,
    type: event.type,
    data: JSON.parse(dataJson),
    dataJson,
    metadata: { ...metadata, occurredAt: metadata.occurredAt ?? stamp(), schemaVersion: metadata.schemaVersion ?? 1 },
  };
}

function toJson(value: unknown, where: string): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch (error) {
    throw new InvalidAppendError(`${where} is not serialisable as JSON: ${(error as Error).message}`);
  }
  if (json === undefined || typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidAppendError(`${where} must be a JSON object`);
  }
  return json;
}
