import { StoredEvent } from '@c2g/event-store';
import { collect, take } from '../support/collect';
import { FixtureFactory, newStreamId, someEvents, useFixture } from './event-store-fixture';

export function subscriptionContract(factory: FixtureFactory): void {
  describe('subscribeToAll', () => {
    const fixture = useFixture(factory);

    it('catches up on stored events, then delivers live ones in order', async () => {
      const { store } = fixture();
      const head = await store.headPosition();
      const streamId = newStreamId();
      await store.append(streamId, someEvents(3));
      const subscription = store.subscribeToAll({ fromPosition: head });
      const received = take(ownEvents(subscription, streamId), 6);
      await store.append(streamId, someEvents(3, 3));
      const events = await received;
      await subscription.close();
      expect(events.map((e) => (e.data as { n: number }).n)).toEqual([0, 1, 2, 3, 4, 5]);
    });

    it("from 'start', the default, delivers the log from its first event", async () => {
      const { store } = fixture();
      const streamId = newStreamId();
      await store.append(streamId, someEvents(2));
      const [first] = await collect(store.readAll({ maxCount: 1 }));
      const subscription = store.subscribeToAll();
      const received: StoredEvent[] = [];
      for await (const event of subscription) {
        received.push(event);
        if (event.streamId === streamId && event.revision === 1n) break;
      }
      await subscription.close();
      expect(received[0].position).toBe(first.position);
      expect(received.filter((e) => e.streamId === streamId).map((e) => e.revision)).toEqual([0n, 1n]);
    });

    it('delivers only events after the checkpoint it starts from', async () => {
      const { store } = fixture();
      const streamId = newStreamId();
      await store.append(streamId, someEvents(2));
      const checkpoint = await store.headPosition();
      await store.append(streamId, someEvents(2, 2));
      const subscription = store.subscribeToAll({ fromPosition: checkpoint });
      const events = await take(ownEvents(subscription, streamId), 2);
      await subscription.close();
      expect(events.map((e) => e.revision)).toEqual([2n, 3n]);
      expect(events[0].position > checkpoint).toBe(true);
    });

    it("from 'end' delivers only what is appended after subscribing", async () => {
      const { store } = fixture();
      const streamId = newStreamId();
      await store.append(streamId, someEvents(2));
      const subscription = store.subscribeToAll({ fromPosition: 'end' });
      const received = take(ownEvents(subscription, streamId), 1);
      await store.append(streamId, someEvents(1, 2));
      const [event] = await received;
      await subscription.close();
      expect(event.revision).toBe(2n);
    });

    it('crosses from catch-up to live under concurrent appends without gaps or duplicates', async () => {
      const { store } = fixture();
      const head = await store.headPosition();
      const streamId = newStreamId();
      await store.append(streamId, someEvents(50));
      const subscription = store.subscribeToAll({ fromPosition: head });
      const received = take(ownEvents(subscription, streamId), 250);
      for (let batch = 1; batch <= 20; batch += 1) {
        await store.append(streamId, someEvents(10, 50 + (batch - 1) * 10));
      }
      const events = await received;
      await subscription.close();
      expect(events.map((e) => e.revision)).toEqual(Array.from({ length: 250 }, (_, i) => BigInt(i)));
      const log = (await collect(store.readAll({ fromPosition: head + 1n }))).filter((e) => e.streamId === streamId);
      expect(events.map((e) => e.position)).toEqual(log.map((e) => e.position));
    });

    it('ends the iteration when closed while waiting for live events', async () => {
      const { store } = fixture();
      const subscription = store.subscribeToAll({ fromPosition: 'end' });
      const drained = collect(subscription);
      await new Promise((resolve) => setTimeout(resolve, 20));
      await subscription.close();
      await expect(drained).resolves.toEqual([]);
    });

    it('feeds several subscribers the same events independently', async () => {
      const { store } = fixture();
      const head = await store.headPosition();
      const streamId = newStreamId();
      const first = store.subscribeToAll({ fromPosition: head });
      const second = store.subscribeToAll({ fromPosition: head });
      const a = take(ownEvents(first, streamId), 4);
      const b = take(ownEvents(second, streamId), 4);
      await store.append(streamId, someEvents(4));
      const [fromA, fromB] = await Promise.all([a, b]);
      await Promise.all([first.close(), second.close()]);
      expect(fromA.map((e) => e.eventId)).toEqual(fromB.map((e) => e.eventId));
    });
  });
}

/** A real server's $all also carries other tests' and system events: keep this test's. */
async function* ownEvents(source: AsyncIterable<StoredEvent>, streamId: string): AsyncIterable<StoredEvent> {
  for await (const event of source) if (event.streamId === streamId) yield event;
}
