import { Command } from 'commander';
import { resolve } from 'node:path';
import { BackupError } from '../backup/backup-error';
import { describeLog, reportingErrors } from '../backup/report';
import { terminalProgress } from '../backup/progress';
import { restoreBackup } from '../backup/restore-backup';

/** `c2g restore DIR --data-dir NEW`: verify a backup, then copy it into a new, empty data directory. */
export function restoreCommand(): Command {
  return new Command('restore')
    .description('verify a backup, then copy it into a new data directory (refused unless empty: never overwrites); a server started there rebuilds the read models')
    .argument('<dir>', 'the backup directory')
    .option('--data-dir <dir>', 'the NEW data directory to restore into (required; must not exist or be empty)')
    .action(async (dir: string, options: { dataDir?: string }) => {
      await reportingErrors('restore', async () => {
        if (!options.dataDir) throw new BackupError('name the new data directory with --data-dir <dir> (it must not exist or be empty)');
        const from = resolve(dir);
        const dataDir = resolve(options.dataDir);
        const { manifest, events, streams } = await restoreBackup(from, dataDir, terminalProgress());
        process.stdout.write(
          `verified ${from}: ${events} events in ${streams} streams, every hash chain verifies\n` +
            `restored ${manifest.files.map((f) => f.name).join(', ')} into ${dataDir} at ${describeLog(manifest)}\n` +
            `start the server on it (C2G_DATA_DIR=${dataDir} npm start): the read models rebuild from the restored log\n`,
        );
      });
    });
}
