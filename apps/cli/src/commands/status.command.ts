import { Command } from 'commander';
import { projectionRunner, StoreOptions, withStore } from '../cli-context';

/** `c2g status`: the log head and where each read model stands, parked ones with their error. */
export function statusCommand(): Command {
  return new Command('status')
    .description('show the event log head and every read model: version, checkpoint, live/building/parked')
    .option('--data-dir <dir>', 'data directory (default: $C2G_DATA_DIR or ./data)')
    .option('--json', 'print JSON instead of a table')
    .action(async (options: StoreOptions & { json?: boolean }) => {
      await withStore(options, async (store) => {
        const head = await store.headPosition();
        const runner = projectionRunner(store, options);
        const status = runner.status();
        await runner.stop();
        if (options.json) {
          process.stdout.write(`${JSON.stringify({ headPosition: head.toString(), projections: status }, null, 2)}\n`);
          return;
        }
        process.stdout.write(`event log head: ${head}\n`);
        for (const p of status) {
          const parked = p.parked ? ` at ${p.parked.position} (${p.parked.type}): ${p.parked.error}` : '';
          process.stdout.write(`${p.name.padEnd(22)} v${p.version}  ${p.state.padEnd(8)} checkpoint ${p.checkpoint}${parked}\n`);
        }
        if (status.some((p) => p.parked)) process.exitCode = 1;
      });
    });
}
