/**
 * Child process for crash tests: feeds every read model of a data directory from its event
 * log in small batches, printing `at <position>` after each, and `done` once caught up; exits 2
 * naming the projection as soon as one parks, 1 when they do not catch up within 60 s.
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
  // A parked projection never catches up: say which one at once instead of waiting out the timeout.
  const parked = setInterval(() => {
    const stuck = runner.status().filter((p) => p.state === 'parked');
    if (stuck.length === 0) return;
    process.stderr.write(`parked: ${stuck.map((p) => `${p.name} at ${p.parked?.position}: ${p.parked?.error}`).join('; ')}\n`);
    process.exit(2);
  }, 20);
  const caughtUp = await runner.waitFor(runner.status().map((p) => p.name), head, 60_000);
  clearInterval(parked);
  if (!caughtUp) throw new Error(`read models did not reach position ${head} within 60 s`);
  await runner.stop();
  await store.close();
  process.stdout.write('done\n');
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
