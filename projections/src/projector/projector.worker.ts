/**
 * The projector thread: feeds every read model from the event log off the API's request
 * thread. The API reads the read-model files through its own connections and learns from
 * the messages here how far each one is (for ?minPosition=, /ready and /live).
 */
import { Logger } from '@nestjs/common';
import { parentPort, workerData } from 'node:worker_threads';
import { upcasters } from '@c2g/domain';
import { openEventStoreAt, UpcastingEventStore } from '@c2g/event-store';
import { C2gLogger, flushTracing, startTracing } from '@c2g/telemetry';
import { allProjections } from '../all-projections';
import { ReadModelChange } from '../runner/projection';
import { ProjectionRunner } from '../runner/projection-runner';
import { FromProjector, ProjectorSettings, ToProjector } from './projector-protocol';

/** Appends by the API's own connection are "foreign" here: look for them often (it is a cheap pragma). */
const FOREIGN_APPEND_POLL_MS = 5;

function main(): void {
  const port = parentPort;
  if (!port) throw new Error('projector.worker runs as a worker thread');
  const settings = workerData as ProjectorSettings;
  const post = (message: FromProjector) => port.postMessage(message);
  Logger.overrideLogger(new C2gLogger(settings.logLevels, settings.logFormat ?? 'text'));
  // Its own tracer provider, exporting where the API's does; batch spans link to the requests' traces.
  const tracing = settings.tracing ? startTracing(settings.tracing, 'projector', (spans) => post({ type: 'spans', spans })) : undefined;
  const store = new UpcastingEventStore(
    openEventStoreAt({ connectionString: settings.connectionString, file: settings.eventsFile, foreignAppendPollMs: FOREIGN_APPEND_POLL_MS }),
    [...upcasters],
  );
  const runner = new ProjectionRunner({ store, dir: settings.readModelsDir, projections: allProjections(), snapshotEvery: settings.snapshotEvery });

  let statePending = false;
  const sendState = () => {
    if (statePending) return;
    statePending = true;
    setImmediate(() => {
      statePending = false;
      const status = runner.status();
      const servingFiles = Object.fromEntries(status.map((p) => [p.name, runner.servingFile(p.name)]));
      const error = runner.error();
      post({ type: 'state', status, servingFiles, caughtUp: runner.caughtUp(), ...(error ? { error } : {}) });
    });
  };

  let buffered: ReadModelChange[] = [];
  let listening: { unsubscribe(): void } | undefined;
  const listen = (on: boolean) => {
    if (on && !listening) {
      listening = runner.changes$.subscribe((change) => {
        if (buffered.length === 0) setImmediate(() => post({ type: 'changes', changes: buffered.splice(0) }));
        buffered.push(change);
      });
    } else if (!on && listening) {
      listening.unsubscribe();
      listening = undefined;
    }
  };

  port.on('message', (message: ToProjector) => {
    if (message.type === 'listen') listen(message.on);
    else if (message.type === 'retry') runner.retry(message.name);
    else if (message.type === 'stop') {
      void (async () => {
        await runner.stop();
        await store.close();
        await flushTracing();
        await tracing?.stop();
        post({ type: 'stopped' });
        port.close();
      })();
    }
  });
  runner.progress$.subscribe(sendState);
  runner.start();
  sendState();
}

try {
  main();
} catch (error) {
  parentPort?.postMessage({ type: 'failed', error: (error as Error).message } satisfies FromProjector);
}
