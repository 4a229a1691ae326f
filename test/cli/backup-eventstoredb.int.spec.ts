import { EventStoreDbEventStore } from '@c2g/event-store';
import { startEventStoreDbDouble } from '../eventstoredb-double/eventstoredb-double';
import { collect } from '../support/collect';
import { runCli } from '../support/run-cli';

/** `c2g backup verify` without a directory checks a restored EventStoreDB cluster from outside. */
describe('c2g backup verify on a restored EventStoreDB cluster', () => {
  it('verifies the chains and that the log holds the expected position and event', async () => {
    const server = await startEventStoreDbDouble();
    const store = new EventStoreDbEventStore({ connectionString: server.connectionString });
    const env = { EVENTSTORE_CONNECTION_STRING: server.connectionString };
    try {
      await store.append('pairing-kfar-aza', [1, 2, 3].map((n) => ({ type: 'PledgeMade', data: { n } })));
      const [last] = await collect(store.readStream('pairing-kfar-aza', { direction: 'backwards', maxCount: 1 }));
      const position = last.position.toString();

      const good = await runCli(['backup', 'verify', '--expect-position', position, '--expect-head-hash', String(last.metadata.hash)], env);
      expect(good).toEqual({ code: 0, stdout: `good: the cluster holds position ${position}; 3 events in 1 streams, every hash chain verifies\n`, stderr: '' });

      const missing = await runCli(['backup', 'verify', '--expect-position', String(last.position + 100n)], env);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toBe(`c2g backup verify: the log ends at position ${position}, before the expected position ${last.position + 100n}: events are missing\n`);

      const other = await runCli(['backup', 'verify', '--expect-position', position, '--expect-head-hash', 'f'.repeat(64)], env);
      expect(other.code).toBe(1);
      expect(other.stderr).toBe(`c2g backup verify: the event at position ${position} has hash ${last.metadata.hash}, not the expected ${'f'.repeat(64)}\n`);
    } finally {
      await store.close();
      await server.stop();
    }
  }, 60_000);

  it('asks for a directory when no cluster is configured', async () => {
    const result = await runCli(['backup', 'verify'], { EVENTSTORE_CONNECTION_STRING: '' });
    expect(result).toEqual({ code: 1, stdout: '', stderr: 'c2g backup verify: name the backup directory, or set EVENTSTORE_CONNECTION_STRING to check a restored EventStoreDB cluster\n' });
  }, 30_000);
});
