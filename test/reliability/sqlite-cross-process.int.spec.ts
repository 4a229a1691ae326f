import { join } from 'node:path';
import { SqliteEventStore, StoredEvent } from '@c2g/event-store';
import { take } from '../support/collect';
import { exited, runTs } from '../support/run-ts';
import { makeTempDir } from '../support/temp-dir';

describe('SQLite store shared by two processes', () => {
  it("delivers another process's appends to a live subscription", async () => {
    const temp = makeTempDir();
    const file = join(temp.dir, 'events.sqlite');
    const store = new SqliteEventStore({ file, foreignAppendPollMs: 20 });
    try {
      await store.append('local-0', [{ type: 'LocalAppended', data: { n: 0 } }]);
      const subscription = store.subscribeToAll({ fromPosition: 'start' });
      const received = take(subscription, 41);
      const child = runTs('test/support/append-worker.ts', [file, 'foreign', '40', '2']);
      expect(await exited(child)).toBe(0);
      const events: StoredEvent[] = await received;
      await subscription.close();
      expect(events.filter((e) => e.type === 'WorkerAppended')).toHaveLength(40);
      expect(events.map((e) => e.position)).toEqual(Array.from({ length: 41 }, (_, i) => BigInt(i + 1)));
    } finally {
      await store.close();
      temp.remove();
    }
  });
});
