import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { dumpReadModels } from '../support/dump-read-models';
import { eventually } from '../support/eventually';
import { loadDemoInto } from '../support/load-demo-into';
import { exited, onLines, runTs } from '../support/run-ts';
import { startTestApp } from '../support/test-app';

describe('read models after SIGKILL mid-projection', () => {
  it('converge to exactly what a clean build produces', async () => {
    const harness = await startTestApp();
    await loadDemoInto(harness);
    const { dataDir } = harness;
    // Let the app's own runner finish: that build is the reference.
    await eventually(async () => expect((await harness.app.inject({ method: 'GET', url: '/ready' })).statusCode).toBe(200));
    await harness.app.close();
    renameSync(join(dataDir, 'read-models'), join(dataDir, 'reference'));

    try {
      for (let round = 0; round < 3; round += 1) {
        const child = runTs('test/support/projection-worker.ts', [dataDir]);
        let batches = 0;
        onLines(child, (line) => {
          if (line.startsWith('at ') && ++batches === 4 + round * 7) child.kill('SIGKILL');
        });
        await exited(child);
      }
      const finisher = runTs('test/support/projection-worker.ts', [dataDir]);
      let finished = false;
      onLines(finisher, (line) => (finished ||= line === 'done'));
      expect(await exited(finisher)).toBe(0);
      expect(finished).toBe(true);

      const recovered = dumpReadModels(join(dataDir, 'read-models'));
      const reference = dumpReadModels(join(dataDir, 'reference'));
      expect(Object.keys(recovered).length).toBeGreaterThan(10);
      expect(recovered).toEqual(reference);
    } finally {
      await harness.stop().catch(() => undefined);
    }
  }, 90_000);
});
