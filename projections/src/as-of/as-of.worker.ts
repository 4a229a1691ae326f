/**
 * An as-of builder thread, kept for many builds (AsOfBuilds): each message is one build,
 * answered with the files it wrote. Kept alive so a build costs its events, not a thread's
 * start-up and module loading.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { upcasters } from '@c2g/domain';
import { openEventStoreAt, UpcastingEventStore } from '@c2g/event-store';
import { allProjections } from '../all-projections';
import { buildAsOfFromSnapshots } from './build-as-of-from-snapshots';
import { AsOfJob, AsOfWorkerSettings } from './as-of-builds';

const settings = workerData as AsOfWorkerSettings;
const store = new UpcastingEventStore(openEventStoreAt({ connectionString: settings.connectionString, file: settings.eventsFile }), [...upcasters]);

parentPort!.on('message', (job: AsOfJob | 'stop') => {
  if (job === 'stop') {
    void store.close().finally(() => parentPort!.close());
    return;
  }
  const projections = allProjections().filter((p) => job.names.includes(p.name));
  buildAsOfFromSnapshots(store, { readModelsDir: settings.readModelsDir, projections, position: BigInt(job.position), scratchDir: job.scratchDir })
    .then((built) => parentPort!.postMessage({ id: job.id, files: built.files }))
    .catch((error: Error) => parentPort!.postMessage({ id: job.id, error: error.message }));
});
