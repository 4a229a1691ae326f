import { Command } from 'commander';
import { verifyChains } from '@c2g/event-store';
import { StoreOptions, withStore } from '../cli-context';

/** `c2g verify`: recompute every stream's hash chain; exit 1 naming the first broken link. */
export function verifyCommand(): Command {
  return new Command('verify')
    .description('recompute every stream hash chain; exit code 0 when intact, 1 naming the first broken link')
    .option('--data-dir <dir>', 'data directory (default: $C2G_DATA_DIR or ./data)')
    .action(async (options: StoreOptions) => {
      const result = await withStore(options, (store) => verifyChains(store.raw.readAll()));
      if (result.ok) {
        process.stdout.write(`intact: ${result.events} events in ${result.streams} streams\n`);
        return;
      }
      const { streamId, revision, position, reason } = result.brokenLink;
      process.stdout.write(`BROKEN: stream ${streamId} revision ${revision} (position ${position}): ${reason}\n`);
      process.exitCode = 1;
    });
}
