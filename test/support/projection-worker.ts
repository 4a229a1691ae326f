/**
 * Child process for crash tests: feeds every read model of a data directory from its event
 * log in small batches, printing `at <position>` after each, and `done` once caught up.
 * Usage: projection-worker <dataDir>
 */
import { join } from 'node:path';
import { SqliteEventStore } from '../../libs/event-store/src';
import { allProjections, ProjectionRunner } from '../../projections/src';

async function main(): Promise<void> {
  const [dataDir] = process.argv.slice(2);
  const store = new SqliteEventStore({ file: join(dataDir, 'events.sqlite') });
  const head = await store.headPosition();
  const runner = new ProjectionRunner({
    store,
    dir: join(dataDir, 'read-models'),
    projections: allProjections(),
    batchSize: 5,
    onProgress: (position) => process.stdout.write(`at ${position}\n`),
  });
  runner.start();
  await runner.waitFor(runner.status().map((p) => p.name), head, 60_000);
  await runner.stop();
  await store.close();
  process.stdout.write('done\n');
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
