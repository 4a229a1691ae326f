import { Command } from 'commander';
import { rmSync } from 'node:fs';
import { SingleBar, Presets } from 'cli-progress';
import { assertReadModelsFree } from '@c2g/projections';
import { projectionRunner, readModelsDir, StoreOptions, withStore } from '../cli-context';

/**
 * `c2g replay`: drop every read model and rebuild it from the whole log, with a progress
 * bar (events/s, ETA) on a terminal and silence otherwise. Refused while a server holds the
 * read models (it would go on writing the deleted files).
 */
export function replayCommand(): Command {
  return new Command('replay')
    .description('rebuild every read model from the event log (refused while a server runs on the data directory)')
    .option('--data-dir <dir>', 'data directory (default: $C2G_DATA_DIR or ./data)')
    .action(async (options: StoreOptions) => {
      await withStore(options, async (store) => {
        const head = await store.headPosition();
        // Never pull the files from under a running server: it would go on writing deleted ones.
        assertReadModelsFree(readModelsDir(options));
        rmSync(readModelsDir(options), { recursive: true, force: true });
        const bar = process.stderr.isTTY
          ? new SingleBar({ format: 'replay [{bar}] {percentage}% | {value}/{total} positions | {speed} ev/s | ETA {eta_formatted}' }, Presets.shades_classic)
          : undefined;
        const started = Date.now();
        bar?.start(Number(head), 0, { speed: 0 });
        const runner = projectionRunner(store, options, (position) => {
          const seconds = (Date.now() - started) / 1000;
          bar?.update(Number(position), { speed: Math.round(Number(position) / Math.max(seconds, 0.001)) });
        });
        runner.start();
        const names = runner.status().map((p) => p.name);
        await runner.waitFor(names, head, 24 * 60 * 60 * 1000);
        bar?.update(Number(head));
        bar?.stop();
        const status = runner.status();
        await runner.stop();
        const parked = status.filter((p) => p.parked);
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        process.stdout.write(`replayed ${head} events into ${status.length} read models in ${seconds}s\n`);
        for (const p of parked) {
          process.stdout.write(`parked: ${p.name} at ${p.parked!.position} (${p.parked!.type}): ${p.parked!.error}\n`);
          process.exitCode = 1;
        }
      });
    });
}
