/**
 * Child process of the peer scenario: the same need workload on Emmett's SQLite event store,
 * set up as its documentation shows (getSQLiteEventStore + CommandHandler).
 */
import { join } from 'node:path';
import { CommandHandler } from '@event-driven-io/emmett';
import { getSQLiteEventStore } from '@event-driven-io/emmett-sqlite';
import { NeedCommand, NeedEvent, NeedState } from '../../../libs/domain/src';
import { decider, runWorkload } from '../command-path/need-workload';

async function main(): Promise<void> {
  const [dir, needsPerLane] = process.argv.slice(2);
  const eventStore = getSQLiteEventStore({ fileName: join(dir, 'emmett.sqlite'), schema: { autoMigration: 'CreateOrUpdate' } });
  // Emmett types event data as an open record; c2g's need events are closed shapes of the same JSON.
  type PeerEvent = { type: string; data: Record<string, unknown> };
  const handleNeed = CommandHandler<NeedState, PeerEvent>({
    evolve: (state, event) => decider.evolve(state, event as unknown as NeedEvent),
    initialState: decider.initialState,
  });
  // On a file, the store opens and closes one shared connection per operation: overlapping
  // commands fail (SQLITE_BUSY, "database handle is closed"), so the 64 lanes queue for it.
  let queue: Promise<unknown> = Promise.resolve();
  const handle = (streamId: string, command: NeedCommand) => {
    const turn = queue.then(() => handleNeed(eventStore, streamId, (state) => decider.decide(command, state) as unknown as PeerEvent[]));
    queue = turn.catch(() => undefined);
    return turn.then(() => undefined);
  };
  const result = await runWorkload(Number(needsPerLane), handle);
  process.stdout.write(JSON.stringify(result));
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
