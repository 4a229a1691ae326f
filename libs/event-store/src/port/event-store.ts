import { ExpectedRevision } from './expected-revision';
import { EventToAppend, StoredEvent } from './stored-event';

export interface AppendOptions {
  expectedRevision?: ExpectedRevision;
}

export interface AppendResult {
  /** Revision of the last event now in the stream. */
  nextRevision: bigint;
  /** Global position of the last event of this append. */
  position: bigint;
}

export interface ReadStreamOptions {
  /** Inclusive. Defaults to the first event (forwards) or the last (backwards). */
  fromRevision?: bigint;
  direction?: 'forwards' | 'backwards';
  maxCount?: number;
}

export interface ReadAllOptions {
  /** Inclusive. Defaults to the beginning of the log. */
  fromPosition?: bigint;
  maxCount?: number;
}

export interface SubscribeToAllOptions {
  /**
   * A checkpoint: the subscription delivers the events *after* this position
   * ('start' = everything, 'end' = only events appended from now on).
   */
  fromPosition?: bigint | 'start' | 'end';
}

/** Catch-up, then live. Iterate it; close() ends the iteration. */
export interface EventSubscription extends AsyncIterable<StoredEvent> {
  close(): Promise<void>;
}

/**
 * The one event-store port. Every adapter passes the same contract suite
 * (test/contract): atomic appends guarded by expected revision, idempotent re-appends of
 * the same event ids, ordered reads, gap-free subscriptions.
 */
export interface EventStore {
  append(streamId: string, events: EventToAppend[], options?: AppendOptions): Promise<AppendResult>;
  readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<StoredEvent>;
  readAll(options?: ReadAllOptions): AsyncIterable<StoredEvent>;
  subscribeToAll(options?: SubscribeToAllOptions): EventSubscription;
  /** Position of the last event in the store (0n when empty); also a reachability check. */
  headPosition(): Promise<bigint>;
  close(): Promise<void>;
}
