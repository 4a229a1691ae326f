import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { openSqliteDatabase } from '@c2g/event-store';
import { EVENT_STORE_SCHEMA } from '@c2g/event-store/sqlite/sqlite-schema';
import { BackupError } from './backup-error';
import { assertEmptyTarget, c2gVersion, fsyncPath, sha256File } from './files';
import { BACKED_UP_FILES, BACKUP_FORMAT, BackedUpFile, BackupManifest, MANIFEST_FILE, READ_MODELS_NOT_INCLUDED } from './manifest';
import { Progress, silentProgress } from './progress';
import { describeHead, LogHead, readLogHead, readSchemaStamp } from './sqlite-snapshot';

/** Pages copied per step of SQLite's online backup (4 MiB at the default page size). */
const PAGES_PER_STEP = 1024;

/**
 * Takes a consistent backup of a live data directory into `to` (created if missing, refused if
 * not empty): events.sqlite, then persons.sqlite and access.sqlite, each through SQLite's online
 * backup API while this process holds one read transaction on the source. In WAL mode that read
 * transaction is a snapshot: the server keeps committing (readers never block writers), the copy
 * is exactly the snapshot, and the backup never restarts however fast commands arrive. The log is
 * copied first, so every person an event of the copy names was recorded before the persons copy.
 * Each copy is switched to rollback-journal mode (one self-contained file, no -wal beside it),
 * checked against its snapshot, then checksummed; manifest.json is written last (atomically), so a
 * directory without one is an interrupted backup.
 */
export async function takeBackup(dataDir: string, to: string, progress: Progress = silentProgress): Promise<BackupManifest> {
  const started = Date.now();
  const takenAt = new Date(started).toISOString();
  if (!existsSync(join(dataDir, 'events.sqlite'))) {
    throw new BackupError(`no event log at ${join(dataDir, 'events.sqlite')}: is --data-dir (or C2G_DATA_DIR) the server's data directory?`);
  }
  assertEmptyTarget(to, 'back up into');
  mkdirSync(to, { recursive: true });
  const written: string[] = [];
  try {
    let log: LogHead | undefined;
    const files: BackedUpFile[] = [];
    for (const spec of BACKED_UP_FILES) {
      const source = join(dataDir, spec.name);
      if (!existsSync(source)) continue;
      const target = join(to, spec.name);
      written.push(target);
      const snapshot = await copyOnline(source, target, spec.name, progress);
      if (spec.name === 'events.sqlite') log = snapshot.head;
      const stat = statSync(target);
      progress.start(`checksum ${spec.name}`, Math.ceil(stat.size / 1024), 'kB');
      const sha256 = await sha256File(target, (read) => progress.update(Math.ceil(read / 1024)));
      progress.stop();
      files.push({ name: spec.name, holds: spec.holds, bytes: stat.size, sha256, ...snapshot.stamp });
    }
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      c2gVersion: c2gVersion(),
      store: 'sqlite',
      takenAt,
      durationMs: Date.now() - started,
      log: log!,
      files,
      notIncluded: READ_MODELS_NOT_INCLUDED,
    };
    const partial = join(to, `${MANIFEST_FILE}.partial`);
    written.push(partial);
    writeFileSync(partial, `${JSON.stringify(manifest, null, 2)}\n`);
    fsyncPath(partial);
    renameSync(partial, join(to, MANIFEST_FILE));
    fsyncPath(to);
    return manifest;
  } catch (error) {
    for (const file of written) rmSync(file, { force: true });
    for (const file of written) rmSync(`${file}-journal`, { force: true });
    throw error;
  } finally {
    progress.stop();
  }
}

interface CopiedSnapshot {
  head?: LogHead;
  stamp: { applicationId: number; schemaVersion: number };
}

async function copyOnline(source: string, target: string, name: string, progress: Progress): Promise<CopiedSnapshot> {
  const db = openSqliteDatabase(source, { readonly: true });
  let head: LogHead | undefined;
  let stamp: CopiedSnapshot['stamp'];
  try {
    // One read transaction for the snapshot's description and the copy: both see the same commit.
    db.exec('BEGIN');
    stamp = readSchemaStamp(db);
    if (name === 'events.sqlite') {
      if (stamp.applicationId !== EVENT_STORE_SCHEMA.applicationId) {
        throw new BackupError(`${source} is not a c2g event log (application_id ${stamp.applicationId})`);
      }
      head = readLogHead(db);
    }
    const done = await db.backup(target, {
      progress: ({ totalPages, remainingPages }) => {
        if (remainingPages === totalPages) progress.start(`backup ${name}`, totalPages, 'pages');
        progress.update(totalPages - remainingPages);
        return PAGES_PER_STEP;
      },
    });
    progress.update(done.totalPages);
    db.exec('COMMIT');
  } catch (error) {
    throw error instanceof BackupError ? error : new BackupError(`cannot back up ${source}: ${(error as Error).message}`);
  } finally {
    db.close();
  }
  progress.stop();
  const copy = openSqliteDatabase(target, { journalMode: 'DELETE' });
  try {
    checkCopy(copy, name, head, stamp);
  } finally {
    copy.close();
  }
  fsyncPath(target);
  return { head, stamp };
}

/** The copy must be the snapshot it was taken from: same log head, same schema stamp. */
function checkCopy(copy: Database, name: string, head: LogHead | undefined, stamp: CopiedSnapshot['stamp']): void {
  const copied = readSchemaStamp(copy);
  if (copied.applicationId !== stamp.applicationId || copied.schemaVersion !== stamp.schemaVersion) {
    throw new BackupError(`the copy of ${name} has schema ${copied.schemaVersion} (application_id ${copied.applicationId}), its source ${stamp.schemaVersion} (${stamp.applicationId})`);
  }
  if (!head) return;
  const copiedHead = readLogHead(copy);
  if (copiedHead.position !== head.position || copiedHead.headHash !== head.headHash || copiedHead.events !== head.events) {
    throw new BackupError(`the copy of ${name} ends at ${describeHead(copiedHead)}, but the snapshot it was taken from at ${describeHead(head)}: the copy is torn`);
  }
}
