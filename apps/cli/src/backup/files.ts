import { createHash } from 'node:crypto';
import { closeSync, createReadStream, existsSync, fsyncSync, openSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { BackupError } from './backup-error';

/** SHA-256 (hex) of a file, streamed: a backup of a million-event log does not fit comfortably in memory. */
export function sha256File(file: string, onBytes?: (bytesRead: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    let read = 0;
    createReadStream(file, { highWaterMark: 1 << 20 })
      .on('data', (chunk) => {
        hash.update(chunk);
        read += chunk.length;
        onBytes?.(read);
      })
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/** Flushes a file (or a directory's entries) to disk. */
export function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Refuses a target that exists and is not an empty directory: backups and restores never overwrite. */
export function assertEmptyTarget(dir: string, what: string): void {
  if (!existsSync(dir)) return;
  if (!statSync(dir).isDirectory()) throw new BackupError(`refusing to ${what} ${dir}: it exists and is not a directory`);
  const entries = readdirSync(dir);
  if (entries.length > 0) {
    const shown = entries.slice(0, 3).join(', ') + (entries.length > 3 ? ', …' : '');
    throw new BackupError(`refusing to ${what} ${dir}: it is not empty (${shown}); nothing is ever overwritten, name a new or empty directory`);
  }
}

/** The version in c2g's package.json, found from this file up (works from the sources and from dist/). */
export function c2gVersion(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'c2g' && pkg.version) return pkg.version;
    }
    if (dirname(dir) === dir) return 'unknown';
  }
}

/** "1.4 MB" */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}
