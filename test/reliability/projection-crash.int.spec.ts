import Database from 'better-sqlite3';
import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { SqliteEventStore } from '@c2g/event-store';
import { FAULT_POINT_ENV } from '@c2g/event-store/fault-point';
import { allProjections, buildAsOf } from '@c2g/projections';
import { dumpReadModels, dumpTables } from '../support/dump-read-models';
import { eventually } from '../support/eventually';
import { loadDemoInto } from '../support/load-demo-into';
import { exited, onLines, runTs } from '../support/run-ts';
import { startTestApp } from '../support/test-app';

/**
 * Every read model's rows must be exactly a clean build of the log up to that model's own
 * checkpoint (built by the projections' code, in memory): rows past the checkpoint, or a
 * checkpoint past the rows, means the two were not committed together.
 */
async function rowsAheadOrBehindCheckpoint(dataDir: string): Promise<string[]> {
  const store = new SqliteEventStore({ file: join(dataDir, 'events.sqlite') });
  const problems: string[] = [];
  try {
    for (const projection of allProjections()) {
      const file = join(dataDir, 'read-models', `${projection.name}.v${projection.version}.sqlite`);
      if (!existsSync(file)) {
        problems.push(`${projection.name}: no read-model file`);
        continue;
      }
      const db = new Database(file, { readonly: true });
      const checkpoint = BigInt(db.prepare('SELECT position FROM _checkpoint WHERE id = 1').pluck().get() as number);
      const rows = dumpTables(db);
      db.close();
      const clean = await buildAsOf(store, [projection], { position: checkpoint });
      const expected = dumpTables(clean.databases.get(projection.name)!);
      clean.close();
      if (isDeepStrictEqual(rows, expected)) continue;
      const differences = Object.keys({ ...rows, ...expected }).flatMap((table) => {
        const have = new Set(rows[table] ?? []);
        const want = new Set(expected[table] ?? []);
        const extra = [...have].filter((row) => !want.has(row));
        const missing = [...want].filter((row) => !have.has(row));
        return extra.length + missing.length === 0 ? [] : [`${table}: ${extra.length} rows a clean build lacks, ${missing.length} missing (e.g. ${extra[0] ?? missing[0]})`];
      });
      problems.push(`${projection.name} at checkpoint ${checkpoint}: ${differences.join('; ')}`);
    }
  } finally {
    await store.close();
  }
  return problems;
}

/**
 * "Each read model keeps its checkpoint in the same transaction as its rows": a projection
 * process is killed (SIGKILL, by itself, through the fault point `projection-before-checkpoint`)
 * exactly after a batch's rows are written and before its checkpoint is, several times at
 * different visits so that each of the seven projections is hit. If the checkpoint were
 * written outside the data transaction, the rows would survive without their checkpoint and be
 * applied again. So after every kill each read model's rows must equal a clean build up to its
 * own checkpoint (the projections are idempotent enough that re-applying a batch often leaves
 * no trace at the end, so the final comparison alone would not see it); and after a run that
 * finishes, the read models must equal the reference build.
 */
describe('read models after a crash between a batch and its checkpoint', () => {
  it('converge to exactly what a clean build produces', async () => {
    const harness = await startTestApp();
    await loadDemoInto(harness);
    const { dataDir } = harness;
    // Let the app's own runner finish: that build is the reference.
    await eventually(async () => expect((await harness.app.inject({ method: 'GET', url: '/ready' })).statusCode).toBe(200), 20_000);
    await harness.app.close();
    renameSync(join(dataDir, 'read-models'), join(dataDir, 'reference'));

    try {
      // Seven projections each reach the point once per batch: visits 1, 9, 17, … land on a different one each time.
      for (const visit of [1, 9, 17, 25, 33, 41, 49]) {
        const child = runTs('test/support/projection-worker.ts', [dataDir], { [FAULT_POINT_ENV]: `projection-before-checkpoint:${visit}` });
        let output = '';
        onLines(child, (line) => (output += `${line}\n`));
        child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
        await exited(child);
        // Killed at the point, not finished, not failed: otherwise this round tested nothing.
        expect({ visit, signal: child.signalCode, exitCode: child.exitCode, done: output.includes('done\n') }).toEqual({
          visit, signal: 'SIGKILL', exitCode: null, done: false,
        });
        expect({ visit, problems: await rowsAheadOrBehindCheckpoint(dataDir) }).toEqual({ visit, problems: [] });
      }
      const finisher = runTs('test/support/projection-worker.ts', [dataDir]);
      let output = '';
      onLines(finisher, (line) => (output += `${line}\n`));
      finisher.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const code = await exited(finisher);
      expect({ code, done: output.includes('done\n'), problems: output.split('\n').filter((line) => /parked|Error|did not/.test(line)) }).toEqual({
        code: 0, done: true, problems: [],
      });

      const recovered = dumpReadModels(join(dataDir, 'read-models'));
      const reference = dumpReadModels(join(dataDir, 'reference'));
      expect(Object.keys(recovered).length).toBeGreaterThan(10);
      expect(recovered).toEqual(reference);
    } finally {
      await harness.stop().catch(() => undefined);
    }
  }, 90_000);
});
