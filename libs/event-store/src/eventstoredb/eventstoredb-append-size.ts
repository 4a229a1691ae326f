import { AppendTooLargeError } from '../port/event-store-errors';

/** EventStoreDB's default MaxAppendSize. */
export const DEFAULT_MAX_APPEND_SIZE = 1024 * 1024;

/** An event about to be sent: its data as already serialised by prepareAppend, its metadata as it will be sent. */
export interface SizedEvent {
  type: string;
  dataJson: string;
  metadata: unknown;
}

/**
 * What the server counts against MaxAppendSize: per event the bytes of its data and metadata
 * as sent, plus twice the length of its type (the server's Event.SizeOnDisk). The data's JSON
 * is the one prepareAppend made (the client sends the same text), not serialised again.
 */
export function appendSize(events: SizedEvent[]): number {
  return events.reduce((size, event) => size + Buffer.byteLength(event.dataJson) + Buffer.byteLength(JSON.stringify(event.metadata)) + event.type.length * 2, 0);
}

/** Refuses, before anything is sent, an append the server would refuse for its size. */
export function assertFits(streamId: string, events: SizedEvent[], maxAppendSize: number): void {
  const size = appendSize(events);
  if (size > maxAppendSize) throw new AppendTooLargeError(streamId, size, maxAppendSize);
}
