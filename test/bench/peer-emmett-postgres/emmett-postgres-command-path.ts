/**
 * Child process of the peer scenario's PostgreSQL row: the same need workload on Emmett's
 * PostgreSQL event store, set up as its documentation shows (getPostgreSQLEventStore +
 * CommandHandler). Unlike its SQLite store it takes concurrent commands, so the 64 lanes run
 * at once, on its default connection pool.
 */
import { CommandHandler } from '@event-driven-io/emmett';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import { NeedCommand, NeedEvent, NeedState } from '../../../libs/domain/src';
import { decider, needCommands, runWorkload } from '../command-path/need-workload';

async function main(): Promise<void> {
  const [connectionString, needsPerLane] = process.argv.slice(2);
  const eventStore = getPostgreSQLEventStore(connectionString, { schema: { autoMigration: 'CreateOrUpdate' } });
  // Emmett types event data as an open record; c2g's need events are closed shapes of the same JSON.
  type PeerEvent = { type: string; data: Record<string, unknown> };
  const handleNeed = CommandHandler<NeedState, PeerEvent>({
    evolve: (state, event) => decider.evolve(state, event as unknown as NeedEvent),
    initialState: decider.initialState,
  });
  const handle = async (streamId: string, command: NeedCommand) => {
    await handleNeed(eventStore, streamId, (state) => decider.decide(command, state) as unknown as PeerEvent[]);
  };
  // The schema is created by the first command: once, before the lanes start.
  await handle('need-warm-up', needCommands('warm-up')[0]);
  const result = await runWorkload(Number(needsPerLane), handle);
  await eventStore.close();
  process.stdout.write(JSON.stringify(result));
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
