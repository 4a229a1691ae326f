/** Who did what, on whose behalf: carried by every event, set by the command path. */
export interface EventMetadataInput {
  actor?: string;
  role?: string;
  commandId?: string;
  correlationId?: string;
  causationId?: string;
  /** ISO-8601; set by the server, never by a client. The store fills it in when absent. */
  occurredAt?: string;
  schemaVersion?: number;
  [extra: string]: unknown;
}

/** Metadata as stored: the input plus the per-stream hash chain links. */
export interface EventMetadata extends EventMetadataInput {
  occurredAt: string;
  schemaVersion: number;
  /** Hash of the previous event in the same stream (GENESIS_HASH for revision 0). */
  prevHash: string;
  /** SHA-256 over the canonical JSON of this event and prevHash. */
  hash: string;
}

export interface EventToAppend<Data = unknown> {
  /** UUID; the idempotency key of the append. Generated when absent. */
  eventId?: string;
  type: string;
  data: Data;
  metadata?: EventMetadataInput;
}

export interface StoredEvent<Data = unknown> {
  eventId: string;
  streamId: string;
  type: string;
  /** 0-based within the stream. */
  revision: bigint;
  /** Global, strictly increasing across the whole store. */
  position: bigint;
  data: Data;
  metadata: EventMetadata;
}
