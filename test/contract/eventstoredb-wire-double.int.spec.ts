import { AppendTooLargeError, EventStoreDbDataKeyStore, EventStoreDbEventStore, InvalidAppendError } from '@c2g/event-store';
import { startEventStoreDbDouble } from '../eventstoredb-double/eventstoredb-double';
import { collect } from '../support/collect';
import { eventStoreContract } from './event-store.contract';
import { anEvent, newStreamId, someEvents } from './event-store-fixture';
import { EVENTSTORE_DB_PROMISES, eventStoreDbFixture } from './eventstoredb-fixture';

eventStoreContract('EventStoreDB adapter over the gRPC wire double', async () => {
  const server = await startEventStoreDbDouble();
  return eventStoreDbFixture(server.connectionString, server.stop);
}, EVENTSTORE_DB_PROMISES);

/** What only the adapter over a server does, seen with the double's help. */
describe('EventStoreDB adapter: server-side answers', () => {
  it('takes a position-less idempotent answer (a twin already wrote these events) and finds the position itself', async () => {
    const server = await startEventStoreDbDouble();
    const store = new EventStoreDbEventStore({ connectionString: server.connectionString });
    try {
      const streamId = newStreamId();
      await store.append(streamId, someEvents(1));
      const events = someEvents(2, 1);
      // Both twins read the tip before either append reaches the log, so both are sent at revision 0.
      const release = server.holdAppends();
      const twins = [store.append(streamId, events, { expectedRevision: 0n }), store.append(streamId, events, { expectedRevision: 0n })];
      await new Promise((resolve) => setTimeout(resolve, 100));
      release();
      const [a, b] = await Promise.all(twins);
      const stored = await collect(store.readStream(streamId));
      expect(stored).toHaveLength(3);
      expect(a).toEqual({ nextRevision: 2n, position: stored[2].position });
      expect(b).toEqual(a);
    } finally {
      await store.close();
      await server.stop();
    }
  });

  it('refuses appends to its own streams (data keys, old event-id claims): a caller could otherwise plant a person’s key', async () => {
    const server = await startEventStoreDbDouble();
    const store = new EventStoreDbEventStore({ connectionString: server.connectionString });
    const keys = new EventStoreDbDataKeyStore({ connectionString: server.connectionString });
    try {
      for (const streamId of ['c2g-data-key-person-1', 'c2g-event-id-0b7d3c52-8a8e-4f1e-9a77-1f0c5a2b9e10']) {
        await expect(store.append(streamId, someEvents(1))).rejects.toThrow(InvalidAppendError);
      }
      expect(await keys.find('person-1')).toEqual({ state: 'unknown' });
      expect(await store.headPosition()).toBe(0n);
    } finally {
      await keys.close();
      await store.close();
      await server.stop();
    }
  });

  it('counts an append’s size as the server does: exactly MaxAppendSize is written, one byte more is refused before sending', async () => {
    const LIMIT = 4096;
    const sized = (chars: number) => [anEvent(0, { data: { s: 'x'.repeat(chars) } })];
    const sizeOf = async (store: EventStoreDbEventStore, chars: number) =>
      store.append(newStreamId(), sized(chars), { expectedRevision: 'no_stream' }).then(
        () => 'written' as const,
        (error: unknown) => (error instanceof AppendTooLargeError ? error.size : error),
      );
    const server = await startEventStoreDbDouble({ maxAppendSize: LIMIT });
    // The adapter is told a larger limit than the server's, so the server draws the line here.
    const lenient = new EventStoreDbEventStore({ connectionString: server.connectionString, maxAppendSize: LIMIT + 100 });
    const exact = new EventStoreDbEventStore({ connectionString: server.connectionString, maxAppendSize: LIMIT });
    try {
      const over = await sizeOf(exact, LIMIT);
      expect(typeof over).toBe('number');
      const fits = LIMIT - ((over as number) - LIMIT);
      expect(await sizeOf(exact, fits)).toBe('written');
      expect(await sizeOf(exact, fits + 1)).toBe(LIMIT + 1);
      // The server agrees on both sides of the line: the size is counted neither short nor long.
      expect(await sizeOf(lenient, fits)).toBe('written');
      expect(await sizeOf(lenient, fits + 1)).toBeUndefined();
    } finally {
      await Promise.all([lenient.close(), exact.close()]);
      await server.stop();
    }
  });
});

