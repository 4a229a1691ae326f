/**
 * Worker thread for the transparency bench: the API's projector thread in miniature — every
 * read model following a SQLite log from another thread, with or without the transparency
 * tree. Posts 'ready' once running; on { head } waits until all cover it, posts 'caught-up'.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openEventStoreAt } from '../../libs/event-store/src';
import { allProjections, ProjectionRunner, TRANSPARENCY_LOG } from '../../projections/src';

const { file, dir, withTree } = workerData as { file: string; dir: string; withTree: boolean };
const projections = allProjections().filter((projection) => withTree || projection.name !== TRANSPARENCY_LOG);
const store = openEventStoreAt({ file, foreignAppendPollMs: 5 });
const runner = new ProjectionRunner({ store, dir, projections });
runner.start();
parentPort!.postMessage('ready');
parentPort!.on('message', async ({ head }: { head: string }) => {
  const reached = await runner.waitFor(projections.map((projection) => projection.name), BigInt(head), 120_000);
  await runner.stop();
  await store.close();
  parentPort!.postMessage(reached ? 'caught-up' : 'timed-out');
});
