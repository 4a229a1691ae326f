import { join } from 'node:path';
import { SqliteEventStore, verifyChains } from '@c2g/event-store';
import { collect } from '../support/collect';
import { exited, onLines, runTs } from '../support/run-ts';
import { makeTempDir } from '../support/temp-dir';

/**
 * A writer is killed with SIGKILL while it appends at full speed, several times over the
 * same file; every append it acknowledged before dying must be in the store after.
 */
describe('SQLite store killed with SIGKILL', () => {
  it('loses no acknowledged append and keeps every chain intact', async () => {
    const temp = makeTempDir();
    const file = join(temp.dir, 'events.sqlite');
    const acknowledged = new Set<string>();
    try {
      for (let round = 0; round < 3; round += 1) {
        const child = runTs('test/support/append-worker.ts', [file, `round-${round}`, '100000', '8']);
        let acks = 0;
        const killAfter = 50 + Math.floor(Math.random() * 200);
        onLines(child, (line) => {
          const [word, eventId] = line.split(' ');
          if (word !== 'ack') return;
          acknowledged.add(eventId);
          acks += 1;
          if (acks === killAfter) child.kill('SIGKILL');
        });
        await exited(child);
        expect(child.signalCode).toBe('SIGKILL');
      }
      const store = new SqliteEventStore({ file });
      const stored = new Set((await collect(store.readAll())).map((e) => e.eventId));
      const verification = await verifyChains(store.readAll());
      await store.close();
      const lost = [...acknowledged].filter((id) => !stored.has(id));
      expect(acknowledged.size).toBeGreaterThanOrEqual(150);
      expect(lost).toEqual([]);
      expect(verification.ok).toBe(true);
    } finally {
      temp.remove();
    }
  }, 60_000);
});
