/** Child process of the peer scenario: the need workload on c2g's SQLite store (read, fold, decide, append at the read revision). */
import { join } from 'node:path';
import { NeedCommand, NeedEvent } from '../../../libs/domain/src';
import { SqliteEventStore } from '../../../libs/event-store/src';
import { decider, runWorkload } from './need-workload';

async function main(): Promise<void> {
  const [dir, needsPerLane] = process.argv.slice(2);
  const store = new SqliteEventStore({ file: join(dir, 'c2g.sqlite') });
  const handle = async (streamId: string, command: NeedCommand) => {
    let state = decider.initialState();
    let revision: bigint | undefined;
    for await (const event of store.readStream(streamId)) {
      state = decider.evolve(state, event as unknown as NeedEvent);
      revision = event.revision;
    }
    const events = decider.decide(command, state);
    await store.append(streamId, events, { expectedRevision: revision ?? 'no_stream' });
  };
  const result = await runWorkload(Number(needsPerLane), handle);
  await store.close();
  process.stdout.write(JSON.stringify(result));
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
