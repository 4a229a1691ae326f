import { randomUUID } from 'node:crypto';
import { EventStore, EventToAppend } from '@c2g/event-store';

/** What each adapter's spec hands to the shared contract suite. */
export interface EventStoreFixture {
  store: EventStore;
  /** Closes the store and opens the same data again (a restart). */
  reopen(): Promise<EventStore>;
  dispose(): Promise<void>;
}

export type FixtureFactory = () => Promise<EventStoreFixture>;

/**
 * Which idempotency promise a store keeps (docs/eventstoredb.md). Both: a re-append of the same
 * events at the same expected revision returns the first answer and writes nothing; under
 * any / stream_exists, ids already in the stream make the append a retry.
 * - 'unique-in-log' (SQLite): an event id lives in one place in the whole log; reusing it
 *   anywhere else is refused.
 * - 'retries-in-stream' (EventStoreDB): ids only make retries; nothing is checked across streams, nor at another
 *   revision of an exact-revision append — the server keeps no durable index by event id.
 */
export interface StorePromises {
  eventIds: 'unique-in-log' | 'retries-in-stream';
}

/** Registers beforeEach/afterEach giving every test a fresh fixture. */
export function useFixture(factory: FixtureFactory): () => EventStoreFixture {
  let fixture: EventStoreFixture | undefined;
  beforeEach(async () => {
    fixture = await factory();
  });
  afterEach(async () => {
    await fixture?.dispose();
    fixture = undefined;
  });
  return () => {
    if (!fixture) throw new Error('fixture used outside a test');
    return fixture;
  };
}

/** Stream ids unique per test, so the suite can also run against a shared real server. */
export function newStreamId(kind = 'contract'): string {
  return `${kind}-${randomUUID()}`;
}

export function anEvent(n: number, overrides: Partial<EventToAppend> = {}): EventToAppend {
  return {
    eventId: randomUUID(),
    type: 'ThingHappened',
    data: { n, note: `event ${n}`, tags: ['a', 'b'], nested: { he: 'כפר עזה' } },
    metadata: { actor: 'contract-suite', correlationId: 'corr-1' },
    ...overrides,
  };
}

export function someEvents(count: number, from = 0): EventToAppend[] {
  return Array.from({ length: count }, (_, i) => anEvent(from + i));
}
