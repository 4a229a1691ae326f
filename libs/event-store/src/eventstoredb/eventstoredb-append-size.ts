import type { JSONEventData } from '@eventstore/db-client';
import { AppendTooLargeError } from '../port/event-store-errors';

/** EventStoreDB's default MaxAppendSize. */
export const DEFAULT_MAX_APPEND_SIZE = 1024 * 1024;

/**
 * What the server counts against MaxAppendSize: per event the bytes of its data and metadata
 * as sent, plus twice the length of its type (the server's Event.SizeOnDisk).
 */
export function appendSize(events: JSONEventData[]): number {
  return events.reduce(
    (size, event) => size + Buffer.byteLength(JSON.stringify(event.data)) + Buffer.byteLength(JSON.stringify(event.metadata ?? {})) + event.type.length * 2,
    0,
  );
}

/** Refuses, before anything is sent, an append the server would refuse for its size. */
export function assertFits(streamId: string, events: JSONEventData[], maxAppendSize: number): void {
  const size = appendSize(events);
  if (size > maxAppendSize) throw new AppendTooLargeError(streamId, size, maxAppendSize);
}
