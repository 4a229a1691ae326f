import { GENESIS_HASH, verifyChains } from '@c2g/event-store';
import { collect } from '../support/collect';
import { anEvent, FixtureFactory, newStreamId, someEvents, useFixture } from './event-store-fixture';

const numbers = (events: { data: unknown }[]) => events.map((e) => (e.data as { n: number }).n);

export function readContract(factory: FixtureFactory): void {
  describe('reads', () => {
    const fixture = useFixture(factory);

    it('reads a stream forwards and backwards from a revision, bounded by maxCount', async () => {
      const { store } = fixture();
      const streamId = newStreamId();
      await store.append(streamId, someEvents(10));
      expect(numbers(await collect(store.readStream(streamId, { fromRevision: 7n })))).toEqual([7, 8, 9]);
      expect(numbers(await collect(store.readStream(streamId, { maxCount: 2 })))).toEqual([0, 1]);
      expect(numbers(await collect(store.readStream(streamId, { direction: 'backwards', maxCount: 3 })))).toEqual([9, 8, 7]);
      expect(numbers(await collect(store.readStream(streamId, { direction: 'backwards', fromRevision: 2n })))).toEqual([2, 1, 0]);
    });

    it('reads nothing from a stream that does not exist', async () => {
      const { store } = fixture();
      expect(await collect(store.readStream(newStreamId()))).toEqual([]);
    });

    it('reads the global log in position order from an inclusive position', async () => {
      const { store } = fixture();
      const a = newStreamId();
      const b = newStreamId();
      const first = await store.append(a, someEvents(2));
      await store.append(b, someEvents(2, 2));
      await store.append(a, someEvents(1, 4));
      const log = (await collect(store.readAll({ fromPosition: first.position }))).filter((e) => [a, b].includes(e.streamId));
      expect(numbers(log)).toEqual([1, 2, 3, 4]);
      expect(log[0].position).toBe(first.position);
      const bounded = await collect(store.readAll({ fromPosition: first.position, maxCount: 2 }));
      expect(bounded).toHaveLength(2);
    });

    it('reads more events than one page in one piece', async () => {
      const { store } = fixture();
      const streamId = newStreamId();
      for (let i = 0; i < 3; i += 1) await store.append(streamId, someEvents(400, i * 400));
      const stored = await collect(store.readStream(streamId));
      expect(numbers(stored)).toEqual(Array.from({ length: 1200 }, (_, i) => i));
      const backwards = await collect(store.readStream(streamId, { direction: 'backwards' }));
      expect(backwards[0].revision).toBe(1199n);
      expect(backwards).toHaveLength(1200);
    });

    it('reports the head position of the log', async () => {
      const { store } = fixture();
      const result = await store.append(newStreamId(), someEvents(3));
      expect(await store.headPosition()).toBe(result.position);
    });

    it('chains each stream with SHA-256 hashes that verify', async () => {
      const { store } = fixture();
      const streamId = newStreamId();
      await store.append(streamId, someEvents(2));
      await store.append(newStreamId(), [anEvent(9)]);
      await store.append(streamId, someEvents(2, 2));
      const stream = await collect(store.readStream(streamId));
      expect(stream[0].metadata.prevHash).toBe(GENESIS_HASH);
      for (let i = 1; i < stream.length; i += 1) expect(stream[i].metadata.prevHash).toBe(stream[i - 1].metadata.hash);
      expect(new Set(stream.map((e) => e.metadata.hash)).size).toBe(4);
      const verification = await verifyChains(store.readAll());
      expect(verification).toMatchObject({ ok: true });
    });

    it('keeps everything across a close and reopen, and goes on appending the same chain', async () => {
      const { store, reopen } = fixture();
      const streamId = newStreamId();
      const before = await store.append(streamId, someEvents(3));
      const reopened = await reopen();
      const after = await reopened.append(streamId, [anEvent(3)], { expectedRevision: 2n });
      expect(after.position > before.position).toBe(true);
      const stream = await collect(reopened.readStream(streamId));
      expect(numbers(stream)).toEqual([0, 1, 2, 3]);
      expect(stream[3].metadata.prevHash).toBe(stream[2].metadata.hash);
      expect(await verifyChains(reopened.readAll())).toMatchObject({ ok: true });
    });
  });
}
