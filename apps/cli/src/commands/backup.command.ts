import { Command } from 'commander';
import { resolve } from 'node:path';
import { dataDirOf, StoreOptions, withStore } from '../cli-context';
import { BackupError } from '../backup/backup-error';
import { describeFiles, describeLog, reportingErrors } from '../backup/report';
import { terminalProgress } from '../backup/progress';
import { takeBackup } from '../backup/take-backup';
import { verifyBackup } from '../backup/verify-backup';
import { verifyRestoredCluster } from '../backup/verify-restored-cluster';

/**
 * `c2g backup --to DIR`: an online, consistent backup of the embedded store (safe while the server
 * runs and commands arrive), with a manifest; `c2g backup verify DIR` checks one.
 */
export function backupCommand(): Command {
  const backup = new Command('backup')
    .description('back up the event log, person store and API keys into a new directory, safely while the server runs (read models rebuild, so they are not included)')
    .option('--to <dir>', 'the backup directory: created if missing, refused unless empty')
    .option('--data-dir <dir>', 'data directory (default: $C2G_DATA_DIR or ./data)')
    .action(async (options: StoreOptions & { to?: string }) => {
      await reportingErrors('backup', async () => {
        if (process.env.EVENTSTORE_CONNECTION_STRING?.trim()) {
          throw new BackupError(
            'the events live in EventStoreDB (EVENTSTORE_CONNECTION_STRING is set): back the cluster up with its own procedure ' +
              '(README, "Operations: backup and restore"); c2g backup copies the embedded SQLite store',
          );
        }
        if (!options.to) throw new BackupError('name the backup directory with --to <dir>');
        const dataDir = dataDirOf(options);
        const to = resolve(options.to);
        const manifest = await takeBackup(dataDir, to, terminalProgress());
        process.stdout.write(
          `backed up ${dataDir} at ${describeLog(manifest)} into ${to}\n` +
            describeFiles(manifest) +
            '  read models not included: they rebuild from the log when a server starts on a restored directory\n' +
            `done in ${(manifest.durationMs / 1000).toFixed(1)}s; check it with: c2g backup verify ${to}\n`,
        );
      });
    });
  backup.addCommand(
    new Command('verify')
      .description('check a backup without changing it: checksums, every hash chain, and that the log ends at the manifest position; exit 0 when good, 1 naming the problem')
      .argument('[dir]', 'the backup directory (omit it to check a restored EventStoreDB cluster: EVENTSTORE_CONNECTION_STRING)')
      .option('--expect-position <n>', 'EventStoreDB: the log must hold at least this position')
      .option('--expect-head-hash <hash>', 'EventStoreDB: with --expect-position, the hash of the event there')
      .action(async (dir: string | undefined, options: { expectPosition?: string; expectHeadHash?: string }) => {
        await reportingErrors('backup verify', async () => {
          if (dir === undefined) return verifyCluster(options);
          const path = resolve(dir);
          try {
            const { manifest, events, streams } = await verifyBackup(path, terminalProgress());
            process.stdout.write(
              `good: ${path} holds ${describeLog(manifest)}\n` +
                `  ${manifest.files.length} files match their size and sha256; ${events} events in ${streams} streams, every hash chain verifies\n` +
                `  taken ${manifest.takenAt} by c2g ${manifest.c2gVersion}\n`,
            );
          } catch (error) {
            if (error instanceof BackupError) throw new BackupError(`${path} is NOT a good backup: ${error.message}`);
            throw error;
          }
        });
      }),
  );
  return backup;
}

/** `c2g backup verify` without a directory: the restored cluster the connection string names. */
async function verifyCluster(options: { expectPosition?: string; expectHeadHash?: string }): Promise<void> {
  if (!process.env.EVENTSTORE_CONNECTION_STRING?.trim()) {
    throw new BackupError('name the backup directory, or set EVENTSTORE_CONNECTION_STRING to check a restored EventStoreDB cluster');
  }
  if (options.expectPosition !== undefined && !/^\d{1,20}$/.test(options.expectPosition)) {
    throw new BackupError(`--expect-position must be a log position, got "${options.expectPosition}"`);
  }
  const position = options.expectPosition === undefined ? undefined : BigInt(options.expectPosition);
  const { head, events, streams } = await withStore({}, (store) => verifyRestoredCluster(store.raw, { position, headHash: options.expectHeadHash }));
  process.stdout.write(`good: the cluster holds position ${head}; ${events} events in ${streams} streams, every hash chain verifies\n`);
}
