import { constants, copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { BackupError } from './backup-error';
import { assertEmptyTarget, fsyncPath, sha256File } from './files';
import { Progress, silentProgress } from './progress';
import { VerifiedBackup, verifyBackup } from './verify-backup';

/**
 * Verifies a backup, then copies its files into a new data directory: refused when the target
 * exists and is not empty, and every copy is exclusive (COPYFILE_EXCL), so nothing is ever
 * overwritten. Each copy's checksum is checked again and flushed to disk. The read models are
 * not copied: a server started on the directory rebuilds them from the restored log.
 */
export async function restoreBackup(from: string, dataDir: string, progress: Progress = silentProgress): Promise<VerifiedBackup> {
  assertEmptyTarget(dataDir, 'restore into');
  const verified = await verifyBackup(from, progress);
  assertEmptyTarget(dataDir, 'restore into'); // again: verifying a large backup takes a while
  mkdirSync(dataDir, { recursive: true });
  const written: string[] = [];
  try {
    for (const file of verified.manifest.files) {
      const target = join(dataDir, file.name);
      copyFileSync(join(from, file.name), target, constants.COPYFILE_EXCL);
      written.push(target);
      if ((await sha256File(target)) !== file.sha256) throw new BackupError(`the restored ${file.name} does not match its checksum: the copy failed (disk full or failing?)`);
      fsyncPath(target);
    }
    fsyncPath(dataDir);
  } catch (error) {
    for (const file of written) rmSync(file, { force: true });
    if (error instanceof BackupError) throw error;
    throw new BackupError(`cannot restore into ${dataDir}: ${(error as Error).message}`);
  }
  return verified;
}
