/** One as-of build, off the API's request thread (see AsOfBuilds). */
import { parentPort, workerData } from 'node:worker_threads';
import { upcasters } from '@c2g/domain';
import { openEventStoreAt, UpcastingEventStore } from '@c2g/event-store';
import { allProjections } from '../all-projections';
import { buildAsOfFromSnapshots } from './build-as-of-from-snapshots';
import { AsOfWorkerData } from './as-of-builds';

async function main(): Promise<void> {
  const job = workerData as AsOfWorkerData;
  const store = new UpcastingEventStore(openEventStoreAt({ connectionString: job.connectionString, file: job.eventsFile }), [...upcasters]);
  try {
    const projections = allProjections().filter((p) => job.names.includes(p.name));
    const built = await buildAsOfFromSnapshots(store, { readModelsDir: job.readModelsDir, projections, position: BigInt(job.position), scratchDir: job.scratchDir });
    parentPort!.postMessage({ files: built.files, applied: built.applied });
  } finally {
    await store.close();
  }
}

main().catch((error: Error) => parentPort!.postMessage({ error: error.message }));
