import { EventStoreDbEventStore, EventStoreError, StoredEvent } from '@c2g/event-store';
import { startEventStoreDbDouble } from '../eventstoredb-double/eventstoredb-double';
import { take } from '../support/collect';
import { someEvents } from '../contract/event-store-fixture';

describe('EventStoreDB adapter when the server goes away', () => {
  it('fails appends clearly while the server is down, and its subscription resumes where it was, without gaps or repeats', async () => {
    const first = await startEventStoreDbDouble();
    const store = new EventStoreDbEventStore({ connectionString: first.connectionString, reconnect: { attempts: 50, delayMs: 20 } });
    let second: Awaited<ReturnType<typeof startEventStoreDbDouble>> | undefined;
    try {
      await store.append('pairing-a', someEvents(3));
      const subscription = store.subscribeToAll({ fromPosition: 'start' });
      const received = take(ownEvents(subscription, 'pairing-a'), 6);

      await new Promise((resolve) => setTimeout(resolve, 100));
      await first.stop();
      await expect(store.append('pairing-a', someEvents(1, 3))).rejects.toBeInstanceOf(EventStoreError);

      second = await startEventStoreDbDouble({ port: first.port, log: first.log });
      await store.append('pairing-a', someEvents(3, 3));
      const events = await received;
      await subscription.close();
      expect(events.map((e) => e.revision)).toEqual([0n, 1n, 2n, 3n, 4n, 5n]);
    } finally {
      await store.close();
      await second?.stop();
    }
  });
});

async function* ownEvents(source: AsyncIterable<StoredEvent>, streamId: string): AsyncIterable<StoredEvent> {
  for await (const event of source) if (event.streamId === streamId) yield event;
}
