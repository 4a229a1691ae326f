import { Command } from 'commander';
import { verifyChains } from '@c2g/event-store';
import { dataDirOf, readModelsDir, StoreOptions, withStore } from '../cli-context';
import { openSavedCheckpoint } from '../transparency/saved-checkpoint';
import { verifyEventAgainstCheckpoint, verifyLogAgainstCheckpoint } from '../transparency/verify-against-checkpoint';

interface VerifyOptions extends StoreOptions {
  checkpoint?: string;
  event?: string;
  key?: string;
}

/**
 * `c2g verify`: recompute every stream's hash chain; exit 1 naming the first broken link.
 * With --checkpoint: also check that the log extends a saved signed checkpoint (or, with
 * --event, that one event is in it), naming the first position that differs.
 */
export function verifyCommand(): Command {
  return new Command('verify')
    .description('recompute every stream hash chain; with --checkpoint, check the log against a saved signed checkpoint. Exit 0 when intact, 1 naming what differs')
    .option('--data-dir <dir>', 'data directory (default: $C2G_DATA_DIR or ./data)')
    .option('--checkpoint <file>', 'a checkpoint saved from GET /audit/checkpoint (JSON) or its signed note')
    .option('--event <position>', 'with --checkpoint: check only that the event at this log position is in the checkpoint')
    .option('--key <verifier key>', 'the log key to check the checkpoint with (GET /audit/public-key); default: the data directory’s own')
    .action(async (options: VerifyOptions) => {
      if (options.event !== undefined && !options.checkpoint) throw new Error('--event needs --checkpoint <file>');
      if (options.event !== undefined && !/^\d{1,19}$/.test(options.event)) throw new Error(`--event takes a log position (a whole number), got "${options.event}"`);
      if (options.checkpoint) return verifyCheckpoint(options);
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

async function verifyCheckpoint(options: VerifyOptions): Promise<void> {
  const opened = openSavedCheckpoint(options.checkpoint!, { key: options.key, dataDir: dataDirOf(options) });
  const { checkpoint } = opened;
  process.stdout.write(`checkpoint: ${checkpoint.origin} size ${checkpoint.treeSize} signed ${checkpoint.timestamp}\n`);
  process.stdout.write(`key: ${opened.verifierKey} (${opened.keySource}); signature verified\n`);
  const verdict = await withStore(options, (store) =>
    options.event !== undefined
      ? verifyEventAgainstCheckpoint(store.raw, readModelsDir(options), checkpoint, BigInt(options.event))
      : verifyLogAgainstCheckpoint(store.raw, readModelsDir(options), checkpoint),
  );
  for (const line of verdict.lines) process.stdout.write(`${line}\n`);
  if (!verdict.ok) process.exitCode = 1;
}
