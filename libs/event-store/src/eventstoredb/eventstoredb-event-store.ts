import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  type Position,
  START,
  WrongExpectedVersionError as ServerWrongExpectedVersion,
} from '@eventstore/db-client';
import { setTimeout as sleep } from 'node:timers/promises';
import { chainEvent } from '../hash-chain/chain-event';
import { GENESIS_HASH } from '../hash-chain/event-hash';
import { AppendOptions, AppendResult, EventStore, EventSubscription, ReadAllOptions, ReadStreamOptions, SubscribeToAllOptions } from '../port/event-store';
import { EventIdConflictError, EventStoreError, InvalidAppendError, StoreClosedError, WrongExpectedVersionError } from '../port/event-store-errors';
import { ExpectedRevision, satisfiesExpectedRevision } from '../port/expected-revision';
import { PreparedEvent, prepareAppend } from '../port/prepare-append';
import { EventToAppend, StoredEvent } from '../port/stored-event';
import { assertFits, DEFAULT_MAX_APPEND_SIZE } from './eventstoredb-append-size';
import { describeServerError, translateServerError } from './eventstoredb-errors';
import { readStartFor, toPortPosition } from './eventstoredb-positions';
import { drain, isProgramRecord, readStreamEvents, RecordedEvent, reservedPrefixOf, toStoredEvent, toWireEvent } from './eventstoredb-records';
import { followAll, ReconnectPolicy } from './eventstoredb-subscription';

export interface EventStoreDbEventStoreOptions {
  /** esdb://host:2113?tls=false, or esdb+discover://... for a cluster. */
  connectionString: string;
  /** Events fetched per $all read. */
  pageSize?: number;
  /** Attempts of an append whose stream moved on meanwhile (only with 'any' / 'stream_exists'). */
  appendAttempts?: number;
  reconnect?: ReconnectPolicy;
  /** The server's MaxAppendSize (1 MiB unless the cluster is configured otherwise): larger appends are refused before sending. */
  maxAppendSize?: number;
}

/**
 * The port on EventStoreDB (gRPC, @eventstore/db-client), for several c2g nodes on one
 * cluster. Appends are written at the exact revision the hash chain was linked to, so the
 * chain stays whole whatever the caller expected; losing that race re-reads and re-links.
 * Event ids make a retry only within the target stream: anywhere in it under any /
 * stream_exists, right after the expected revision otherwise; they are not checked across the
 * log, nor elsewhere in the stream at an exact revision (docs/eventstoredb.md says why).
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly client: EventStoreDBClient;
  private readonly pageSize: number;
  private readonly appendAttempts: number;
  private readonly reconnect: ReconnectPolicy;
  private readonly maxAppendSize: number;
  private readonly subscriptions = new Set<EventSubscription>();
  private closed = false;

  constructor(options: EventStoreDbEventStoreOptions) {
    this.client = EventStoreDBClient.connectionString(options.connectionString);
    this.pageSize = options.pageSize ?? 500;
    this.appendAttempts = options.appendAttempts ?? 50;
    this.reconnect = options.reconnect ?? { attempts: 8, delayMs: 100 };
    this.maxAppendSize = options.maxAppendSize ?? DEFAULT_MAX_APPEND_SIZE;
  }

  async append(streamId: string, events: EventToAppend[], options: AppendOptions = {}): Promise<AppendResult> {
    this.assertOpen();
    const prepared = prepareAppend(streamId, events);
    assertOwnStream(streamId, prepared);
    const expected = options.expectedRevision ?? 'any';
    const given = prepared.some((event) => event.eventIdGiven);
    // Under any / stream_exists a retry is found by its ids anywhere in the stream (the server's
    // own id cache is bounded); at an exact revision it is found right after that revision.
    const byIds = given && (expected === 'any' || expected === 'stream_exists');
    return describeServerError(async () => {
      let tip = await this.readTip(streamId);
      for (let attempt = 1; ; attempt += 1) {
        // The tip is read before the stream is searched: a twin writing in between moves the tip
        // past the one we append at, so the server refuses and the next attempt finds the twin.
        const retried = byIds ? await this.findRetry(streamId, prepared) : undefined;
        if (retried) return retried;
        if (!satisfiesExpectedRevision(expected, tip?.revision)) {
          const again = given ? await this.findRetryAt(streamId, expected, prepared) : undefined;
          if (again) return again;
          throw new WrongExpectedVersionError(streamId, expected, tip?.revision);
        }
        if (prepared.length === 0) return { nextRevision: tip?.revision ?? -1n, position: await this.headPosition() };
        let prevHash = tip?.hash ?? GENESIS_HASH;
        const chained = prepared.map((event) => {
          const metadata = chainEvent(event, prevHash);
          prevHash = metadata.hash;
          return { ...event, metadata };
        });
        assertFits(streamId, chained, this.maxAppendSize);
        const wire = chained.map((event) => toWireEvent(event, event.metadata));
        try {
          const result = await this.client.appendToStream(streamId, wire, { expectedRevision: tip?.revision ?? NO_STREAM });
          // A server that finds these very events already at this revision answers without a position.
          const position = result.position ? toPortPosition(result.position) : await this.positionOf(streamId, result.nextExpectedRevision);
          return { nextRevision: result.nextExpectedRevision, position };
        } catch (error) {
          if (!(error instanceof ServerWrongExpectedVersion) || attempt >= this.appendAttempts) throw error;
          await sleep(Math.random() * Math.min(50, 2 * attempt));
          tip = await this.readTip(streamId);
        }
      }
    }, streamId);
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<StoredEvent> {
    this.assertOpen();
    const backwards = options.direction === 'backwards';
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    let from: bigint | typeof START | typeof END = options.fromRevision ?? (backwards ? END : START);
    while (remaining > 0) {
      const maxCount = Math.min(this.pageSize, remaining);
      const page = await this.readStreamPage(streamId, { direction: backwards ? BACKWARDS : FORWARDS, fromRevision: from, maxCount });
      for (const event of page) yield toStoredEvent(event);
      remaining -= page.length;
      if (page.length < maxCount) return;
      const last = page[page.length - 1].revision;
      if (backwards && last === 0n) return;
      from = backwards ? last - 1n : last + 1n;
    }
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<StoredEvent> {
    this.assertOpen();
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    let { start, skipExact } = readStartFor(options.fromPosition ?? 0n);
    while (remaining > 0) {
      const page = await this.readAllPage(start, options.fromPosition);
      for (const event of page) {
        const position = toPortPosition(event.position!);
        if (skipExact !== undefined && position <= skipExact) continue;
        if (!isProgramRecord(event)) continue;
        yield toStoredEvent(event);
        remaining -= 1;
        if (remaining === 0) return;
      }
      if (page.length < this.pageSize) return;
      start = page[page.length - 1].position!;
      skipExact = toPortPosition(start);
    }
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): EventSubscription {
    this.assertOpen();
    const subscription = followAll(this.client, options.fromPosition ?? 'start', this.reconnect, () => this.headPosition());
    this.subscriptions.add(subscription);
    return {
      [Symbol.asyncIterator]: () => subscription[Symbol.asyncIterator](),
      close: async () => {
        this.subscriptions.delete(subscription);
        await subscription.close();
      },
    };
  }

  /** Position of the last c2g event; skips the server's own records (and claim streams older versions wrote). */
  async headPosition(): Promise<bigint> {
    this.assertOpen();
    return describeServerError(async () => {
      let from: Position | typeof END = END;
      for (;;) {
        const page = await drain(this.client.readAll({ direction: BACKWARDS, fromPosition: from, maxCount: this.pageSize }));
        const found = page.find(isProgramRecord);
        if (found) return toPortPosition(found.position!);
        if (page.length < this.pageSize) return 0n;
        from = page[page.length - 1].position!;
      }
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.client.dispose();
  }

  /** Reads are bounded and drained whole, so no gRPC call is left open behind an early return. */
  private async readStreamPage(streamId: string, options: Parameters<EventStoreDBClient['readStream']>[1]): Promise<RecordedEvent[]> {
    try {
      return await readStreamEvents(this.client, streamId, options);
    } catch (error) {
      throw translateServerError(error);
    }
  }

  private async readAllPage(start: Position | 'start', asked: bigint | undefined): Promise<RecordedEvent[]> {
    try {
      return await drain(this.client.readAll({ fromPosition: start === 'start' ? START : start, maxCount: this.pageSize }));
    } catch (error) {
      throw translateServerError(error, asked);
    }
  }

  private async readTip(streamId: string): Promise<{ revision: bigint; hash: string } | undefined> {
    const [tip] = await this.readStreamPage(streamId, { direction: BACKWARDS, fromRevision: END, maxCount: 1 });
    return tip && { revision: tip.revision, hash: (tip.metadata as { hash: string }).hash };
  }

  /** The answer of an earlier append of these very events, or undefined if none of them is stored. */
  private async findRetry(streamId: string, events: PreparedEvent[]): Promise<AppendResult | undefined> {
    const wanted = new Set(events.map((event) => event.eventId));
    const found = new Map<string, StoredEvent>();
    for await (const stored of this.readStream(streamId)) if (wanted.has(stored.eventId)) found.set(stored.eventId, stored);
    if (found.size === 0) return undefined;
    const first = found.get(events[0].eventId);
    const whole = first !== undefined && events.every((event, i) => found.get(event.eventId)?.revision === first.revision + BigInt(i));
    if (!whole) throw new EventIdConflictError(events[0].eventId, 'a retry must re-send the same events of the same stream');
    const last = found.get(events[events.length - 1].eventId)!;
    return { nextRevision: last.revision, position: last.position };
  }

  /**
   * The answer of an earlier append of these events at this very expected revision: they are
   * the events right after it, in order. Undefined if the first is not there.
   */
  private async findRetryAt(streamId: string, expected: ExpectedRevision, events: PreparedEvent[]): Promise<AppendResult | undefined> {
    if (expected === 'any' || expected === 'stream_exists') return undefined;
    const from = expected === 'no_stream' ? 0n : expected + 1n;
    const stored = await this.readStreamPage(streamId, { direction: FORWARDS, fromRevision: from, maxCount: events.length });
    if (stored[0]?.id !== events[0].eventId) return undefined;
    if (stored.length !== events.length || stored.some((event, i) => event.id !== events[i].eventId)) {
      throw new EventIdConflictError(events[0].eventId, 'a retry must re-send the same events of the same stream');
    }
    const last = toStoredEvent(stored[stored.length - 1]);
    return { nextRevision: last.revision, position: last.position };
  }

  /** The position of the event at `revision`, for an answer that came without one. */
  private async positionOf(streamId: string, revision: bigint): Promise<bigint> {
    const [event] = await this.readStreamPage(streamId, { direction: FORWARDS, fromRevision: revision, maxCount: 1 });
    if (!event) throw new EventStoreError(`EventStoreDB answered ${streamId}@${revision} as written, but it cannot be read`);
    return toStoredEvent(event).position;
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreClosedError();
  }
}

function assertOwnStream(streamId: string, events: PreparedEvent[]): void {
  const reserved = reservedPrefixOf(streamId);
  if (reserved) throw new InvalidAppendError(`stream ids starting with ${reserved} are reserved for the store's own streams (event-id claims of earlier versions, data keys)`);
  const ids = new Set<string>();
  for (const { eventId } of events) {
    if (ids.has(eventId)) throw new EventIdConflictError(eventId, 'twice in this append');
    ids.add(eventId);
  }
}
