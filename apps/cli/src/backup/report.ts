import { BackupError } from './backup-error';
import { formatBytes } from './files';
import { BackupManifest } from './manifest';
import { describeHead } from './sqlite-snapshot';

/** Runs a command body; a BackupError becomes one line on stderr and exit code 1 (never a stack trace). */
export async function reportingErrors(command: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    process.stderr.write(`c2g ${command}: ${error.message}\n`);
    process.exitCode = 1;
  }
}

export function describeFiles(manifest: BackupManifest): string {
  const width = Math.max(...manifest.files.map((f) => f.name.length));
  return manifest.files
    .map((f) => `  ${f.name.padEnd(width)}  ${formatBytes(f.bytes).padStart(9)}  sha256 ${f.sha256.slice(0, 16)}…  schema ${f.schemaVersion}  ${f.holds}\n`)
    .join('');
}

export function describeLog(manifest: BackupManifest): string {
  return `${describeHead(manifest.log)}, ${manifest.log.events} events`;
}
