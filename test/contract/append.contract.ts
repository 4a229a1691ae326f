import {
  EventIdConflictError,
  InvalidAppendError,
  WrongExpectedVersionError,
} from '@c2g/event-store';
import { collect } from '../support/collect';
import { anEvent, FixtureFactory, newStreamId, someEvents, StorePromises, useFixture } from './event-store-fixture';

export function appendContract(factory: FixtureFactory, promises: StorePromises): void {
  describe('append', () => {
    const fixture = useFixture(factory);

    it('writes events at revisions 0..n-1 with increasing positions', async () => {
      const { store } = fixture();
      const streamId = newStreamId();
      const result = await store.append(streamId, someEvents(3), { expectedRevision: 'no_stream' });
      const stored = await collect(store.readStream(streamId));
      expect(result.nextRevision).toBe(2n);
      expect(stored.map((e) => e.revision)).toEqual([0n, 1n, 2n]);
      expect(stored[2].position).toBe(result.position);
      expect(stored[0].position < stored[1].position && stored[1].position < stored[2].position).toBe(true);
      expect(stored.map((e) => (e.data as { n: number }).n)).toEqual([0, 1, 2]);
    });

    it('keeps data, type, event id and caller metadata exactly', async () => {
      const { store } = fixture();
      const streamId = newStreamId();
      const event = anEvent(7, { metadata: { actor: 'svc-a', role: 'service', commandId: 'c-1', occurredAt: '2025-01-02T03:04:05.000Z' } });
      await store.append(streamId, [event]);
      const [stored] = await collect(store.readStream(streamId));
      expect(stored).toMatchObject({ eventId: event.eventId, streamId, type: 'ThingHappened', data: event.data });
      expect(stored.metadata).toMatchObject({
        actor: 'svc-a', role: 'service', commandId: 'c-1', occurredAt: '2025-01-02T03:04:05.000Z', schemaVersion: 1,
      });
      expect(stored.metadata.hash).toMatch(/^[0-9a-f]{64}$/);
    });

    it('fills in occurredAt and an event id when the writer leaves them out', async () => {
      const { store } = fixture();
      const streamId = newStreamId();
      await store.append(streamId, [{ type: 'ThingHappened', data: { n: 1 } }]);
      const [stored] = await collect(store.readStream(streamId));
      expect(stored.eventId).toMatch(/^[0-9a-f-]{36}$/);
      expect(Number.isNaN(Date.parse(stored.metadata.occurredAt))).toBe(false);
    });

    it.each([
      ['no_stream on an existing stream', 'no_stream' as const, 0n],
      ['stream_exists on a missing stream', 'stream_exists' as const, undefined],
      ['a stale exact revision', 0n, 1n],
      ['a revision from the future', 5n, 1n],
    ])('refuses %s with WrongExpectedVersion naming the actual revision', async (_, expected, actual) => {
      const { store } = fixture();
      const streamId = newStreamId();
      if (actual !== undefined) await store.append(streamId, someEvents(Number(actual) + 1));
      const attempt = store.append(streamId, [anEvent(99)], { expectedRevision: expected });
      await expect(attempt).rejects.toBeInstanceOf(WrongExpectedVersionError);
      await expect(attempt).rejects.toMatchObject({ streamId, actual });
      expect(await collect(store.readStream(streamId))).toHaveLength(actual === undefined ? 0 : Number(actual) + 1);
    });

    it('accepts any, stream_exists and the exact revision when they hold', async () => {
      const { store } = fixture();
      const streamId = newStreamId();
      await store.append(streamId, [anEvent(0)], { expectedRevision: 'any' });
      await store.append(streamId, [anEvent(1)], { expectedRevision: 'stream_exists' });
      const result = await store.append(streamId, [anEvent(2)], { expectedRevision: 1n });
      expect(result.nextRevision).toBe(2n);
    });

    it('treats re-appending the same event ids as a no-op success with the first answer', async () => {
      const { store } = fixture();
      const streamId = newStreamId();
      const events = someEvents(2);
      const first = await store.append(streamId, events, { expectedRevision: 'no_stream' });
      await store.append(streamId, [anEvent(2)]);
      const retry = await store.append(streamId, events, { expectedRevision: 'no_stream' });
      expect(retry).toEqual(first);
      expect(await collect(store.readStream(streamId))).toHaveLength(3);
    });

    it('answers a re-append at the same exact revision with the first answer after others wrote, writing nothing', async () => {
      const { store } = fixture();
      const streamId = newStreamId();
      await store.append(streamId, someEvents(1));
      const events = someEvents(2, 1);
      const first = await store.append(streamId, events, { expectedRevision: 0n });
      await store.append(streamId, [anEvent(3)]);
      expect(await store.append(streamId, events, { expectedRevision: 0n })).toEqual(first);
      expect(await collect(store.readStream(streamId))).toHaveLength(4);
    });

    it('gives concurrent twins (the same events at the same expected revision) one write and the same answer', async () => {
      const { store } = fixture();
      const streamId = newStreamId();
      await store.append(streamId, someEvents(1));
      const events = someEvents(2, 1);
      const [a, b] = await Promise.all([store.append(streamId, events, { expectedRevision: 0n }), store.append(streamId, events, { expectedRevision: 0n })]);
      expect(a).toEqual(b);
      const stored = await collect(store.readStream(streamId));
      expect(stored.map((e) => e.eventId)).toEqual([stored[0].eventId, ...events.map((e) => e.eventId)]);
      expect(a).toEqual({ nextRevision: 2n, position: stored[2].position });
    });

    if (promises.eventIds === 'unique-in-log') {
      it('refuses an event id already stored in another stream', async () => {
        const { store } = fixture();
        const event = anEvent(1);
        await store.append(newStreamId(), [event]);
        await expect(store.append(newStreamId(), [event])).rejects.toBeInstanceOf(EventIdConflictError);
      });
    } else {
      // The documented limit: no index by event id across streams, so no check there.
      it('does not look for an event id in other streams', async () => {
        const { store } = fixture();
        const event = anEvent(1);
        await store.append(newStreamId(), [event]);
        const elsewhere = newStreamId();
        await store.append(elsewhere, [event]);
        expect((await collect(store.readStream(elsewhere))).map((e) => e.eventId)).toEqual([event.eventId]);
      });
    }

    it('refuses a retry that mixes stored and new event ids, writing nothing', async () => {
      const { store } = fixture();
      const streamId = newStreamId();
      const [a] = someEvents(1);
      await store.append(streamId, [a]);
      await expect(store.append(streamId, [a, anEvent(2)])).rejects.toBeInstanceOf(EventIdConflictError);
      expect(await collect(store.readStream(streamId))).toHaveLength(1);
    });

    it('refuses a retry that re-sends the stored events in another order', async () => {
      const { store } = fixture();
      const streamId = newStreamId();
      const [a, b] = someEvents(2);
      await store.append(streamId, [a, b]);
      await expect(store.append(streamId, [b, a])).rejects.toBeInstanceOf(EventIdConflictError);
      expect((await collect(store.readStream(streamId))).map((e) => e.eventId)).toEqual([a.eventId, b.eventId]);
    });

    if (promises.eventIds === 'unique-in-log') {
      it('refuses a retry sent to another stream than the one that holds the events', async () => {
        const { store } = fixture();
        const events = someEvents(2);
        await store.append(newStreamId(), events);
        const elsewhere = newStreamId();
        await expect(store.append(elsewhere, events)).rejects.toBeInstanceOf(EventIdConflictError);
        expect(await collect(store.readStream(elsewhere))).toEqual([]);
      });

      it('writes nothing of an append whose later event id is already stored elsewhere', async () => {
        const { store } = fixture();
        const stored = anEvent(1);
        await store.append(newStreamId(), [stored]);
        const streamId = newStreamId();
        await expect(store.append(streamId, [anEvent(2), anEvent(3), stored])).rejects.toBeInstanceOf(EventIdConflictError);
        expect(await collect(store.readStream(streamId))).toEqual([]);
        const next = await store.append(streamId, someEvents(2), { expectedRevision: 'no_stream' });
        expect(next.nextRevision).toBe(1n);
      });
    }

    it('refuses an append that carries the same event id twice, writing nothing', async () => {
      const { store } = fixture();
      const streamId = newStreamId();
      const twice = anEvent(1);
      await expect(store.append(streamId, [twice, anEvent(2), { ...twice }])).rejects.toBeInstanceOf(EventIdConflictError);
      expect(await collect(store.readStream(streamId))).toEqual([]);
    });

    it('answers an empty append with the stream revision and the head, after checking the expected revision', async () => {
      const { store } = fixture();
      const streamId = newStreamId();
      await store.append(streamId, someEvents(2));
      const head = (await store.append(newStreamId(), [anEvent(9)])).position;
      expect(await store.append(streamId, [], { expectedRevision: 1n })).toEqual({ nextRevision: 1n, position: head });
      const untouched = newStreamId();
      expect(await store.append(untouched, [])).toEqual({ nextRevision: -1n, position: head });
      await expect(store.append(streamId, [], { expectedRevision: 0n })).rejects.toMatchObject({ actual: 1n });
      expect(await store.headPosition()).toBe(head);
      expect((await store.append(untouched, [anEvent(1)], { expectedRevision: 'no_stream' })).nextRevision).toBe(0n);
    });

    it('keeps a schema version the writer gives, and stamps one occurredAt on a whole append', async () => {
      const { store } = fixture();
      const streamId = newStreamId();
      await store.append(streamId, [
        { type: 'ThingHappened', data: { n: 0 } },
        { type: 'ThingHappened', data: { n: 1 }, metadata: { schemaVersion: 2 } },
      ]);
      const [first, second] = await collect(store.readStream(streamId));
      expect([first.metadata.schemaVersion, second.metadata.schemaVersion]).toEqual([1, 2]);
      expect(second.metadata.occurredAt).toBe(first.metadata.occurredAt);
    });

    it('refuses malformed appends without writing', async () => {
      const { store } = fixture();
      const head = await store.headPosition();
      await expect(store.append('', [anEvent(1)])).rejects.toBeInstanceOf(InvalidAppendError);
      await expect(store.append('$all', [anEvent(1)])).rejects.toBeInstanceOf(InvalidAppendError);
      await expect(store.append(newStreamId(), [anEvent(1, { eventId: 'not-a-uuid' })])).rejects.toBeInstanceOf(InvalidAppendError);
      await expect(store.append(newStreamId(), [anEvent(1, { type: '' })])).rejects.toBeInstanceOf(InvalidAppendError);
      await expect(store.append(newStreamId(), [anEvent(1, { data: 'text' })])).rejects.toBeInstanceOf(InvalidAppendError);
      await expect(store.append(newStreamId(), [anEvent(1, { data: { big: 1n } })])).rejects.toBeInstanceOf(InvalidAppendError);
      expect(await store.headPosition()).toBe(head);
    });

    it('lets exactly one of many concurrent appends with the same expected revision win', async () => {
      const { store } = fixture();
      const streamId = newStreamId();
      await store.append(streamId, [anEvent(0)]);
      const attempts = await Promise.allSettled(
        Array.from({ length: 40 }, (_, i) => store.append(streamId, [anEvent(i + 1)], { expectedRevision: 0n })),
      );
      const won = attempts.filter((a) => a.status === 'fulfilled');
      const lost = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost.every((a) => a.reason instanceof WrongExpectedVersionError)).toBe(true);
      expect(await collect(store.readStream(streamId))).toHaveLength(2);
    });

    it('never fails an append because a concurrent neighbour was refused', async () => {
      const { store } = fixture();
      const contested = newStreamId();
      await store.append(contested, [anEvent(0)]);
      const streams = Array.from({ length: 10 }, () => newStreamId());
      const results = await Promise.allSettled([
        store.append(contested, [anEvent(1)], { expectedRevision: 'no_stream' }),
        ...streams.map((s) => store.append(s, someEvents(2), { expectedRevision: 'no_stream' })),
      ]);
      expect(results[0].status).toBe('rejected');
      expect(results.slice(1).every((r) => r.status === 'fulfilled')).toBe(true);
      for (const s of streams) expect(await collect(store.readStream(s))).toHaveLength(2);
    });

    it('keeps every stream contiguous and the global log ordered under concurrent writers', async () => {
      const { store } = fixture();
      const head = await store.headPosition();
      const streams = Array.from({ length: 8 }, () => newStreamId());
      await Promise.all(
        streams.flatMap((s) => Array.from({ length: 5 }, (_, i) => store.append(s, someEvents(2, i * 2)))),
      );
      const log = (await collect(store.readAll({ fromPosition: head + 1n }))).filter((e) => streams.includes(e.streamId));
      expect(log).toHaveLength(80);
      for (let i = 1; i < log.length; i += 1) expect(log[i].position > log[i - 1].position).toBe(true);
      for (const s of streams) {
        expect(log.filter((e) => e.streamId === s).map((e) => e.revision)).toEqual(
          Array.from({ length: 10 }, (_, i) => BigInt(i)),
        );
      }
    });
  });
}
