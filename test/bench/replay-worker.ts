/** Child process of the replay scenario: replays <dir>/events.sqlite into fresh read models, prints speed and peak RSS. */
import { join } from 'node:path';
import { SqliteEventStore } from '../../libs/event-store/src';
import { allProjections, ProjectionRunner } from '../../projections/src';

async function main(): Promise<void> {
  const [dir] = process.argv.slice(2);
  const store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
  const head = await store.headPosition();
  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 50);
  const runner = new ProjectionRunner({ store, dir: join(dir, 'read-models'), projections: allProjections(), batchSize: 2000 });
  const started = process.hrtime.bigint();
  runner.start();
  await runner.waitFor(runner.status().map((p) => p.name), head, 30 * 60_000);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  clearInterval(sampler);
  await runner.stop();
  await store.close();
  process.stdout.write(JSON.stringify({ events: Number(head), seconds, eventsPerSecond: Number(head) / seconds, peakRssMb: Math.round(Math.max(peakRss, process.memoryUsage.rss()) / 1048576) }));
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
