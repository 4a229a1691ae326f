import { closeSync, existsSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { openSqliteDatabase, StoredEvent, verifyChains } from '@c2g/event-store';
import { EventRow, rowToStoredEvent } from '@c2g/event-store/sqlite/sqlite-event-rows';
import { EVENT_STORE_SCHEMA } from '@c2g/event-store/sqlite/sqlite-schema';
import { BackupError } from './backup-error';
import { sha256File } from './files';
import { BackupManifest, readManifest } from './manifest';
import { Progress, silentProgress } from './progress';
import { describeHead, readLogHead, readSchemaStamp } from './sqlite-snapshot';

export interface VerifiedBackup {
  manifest: BackupManifest;
  streams: number;
  events: number;
}

/**
 * Checks a backup directory without writing to it; throws a BackupError naming the first problem:
 *  1. manifest.json is there and well formed; no stray -wal / -journal / -shm beside a copy;
 *  2. every file the manifest names has its size and SHA-256 (a truncated or tampered file);
 *  3. every copy is a self-contained SQLite file (not a live WAL-mode file copied as is), opens
 *     read-only, passes PRAGMA quick_check and carries the schema stamp the manifest recorded;
 *  4. every hash chain of the copied log recomputes (naming the stream and revision that breaks);
 *  5. the copied log ends exactly at the manifest's position and head hash, with as many events
 *     (a copy that lost the writes still in the source's WAL ends earlier: a torn copy).
 */
export async function verifyBackup(dir: string, progress: Progress = silentProgress): Promise<VerifiedBackup> {
  const manifest = readManifest(dir);
  const stray = readdirSync(dir).filter((f) => /-(wal|shm|journal)$/.test(f));
  if (stray.length > 0) {
    throw new BackupError(`${stray.join(', ')} beside the copies in ${dir}: a c2g backup is self-contained; these belong to a live database copied as is, not to a backup`);
  }
  for (const file of manifest.files) {
    const path = join(dir, file.name);
    if (!existsSync(path)) throw new BackupError(`${file.name} is missing from ${dir} (the manifest lists it)`);
    const bytes = statSync(path).size;
    if (bytes !== file.bytes) {
      throw new BackupError(`${file.name} is ${bytes} bytes, the manifest says ${file.bytes}: the file is ${bytes < file.bytes ? 'truncated (a torn copy)' : 'not the one backed up'}`);
    }
    progress.start(`checksum ${file.name}`, Math.ceil(bytes / 1024), 'kB');
    const sha256 = await sha256File(path, (read) => progress.update(Math.ceil(read / 1024)));
    progress.stop();
    if (sha256 !== file.sha256) {
      throw new BackupError(`checksum mismatch: ${file.name} has sha256 ${sha256}, the manifest says ${file.sha256}: the file changed after the backup (damaged or tampered)`);
    }
  }
  let result: { streams: number; events: number } | undefined;
  for (const file of manifest.files) {
    const db = openCopy(join(dir, file.name), file.name);
    try {
      const stamp = readSchemaStamp(db);
      if (stamp.applicationId !== file.applicationId || stamp.schemaVersion !== file.schemaVersion) {
        throw new BackupError(`${file.name} has schema ${stamp.schemaVersion} (application_id ${stamp.applicationId}), the manifest says ${file.schemaVersion} (${file.applicationId})`);
      }
      if (file.name === 'events.sqlite') result = await verifyLog(db, manifest, progress);
    } finally {
      db.close();
    }
  }
  return { manifest, ...result! };
}

/** Opens a copy read-only after checking its header: a WAL-mode file would need (and create) -wal/-shm files. */
function openCopy(path: string, name: string): Database {
  const header = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  const read = readSync(fd, header, 0, 100, 0);
  closeSync(fd);
  if (read < 100 || header.toString('latin1', 0, 16) !== 'SQLite format 3\u0000') {
    throw new BackupError(`${name} is not an SQLite database (a damaged or torn copy)`);
  }
  if (header[18] === 2 || header[19] === 2) {
    throw new BackupError(
      `${name} is a live WAL-mode database file copied as is, not a copy made by c2g backup: ` +
        'without its -wal it can miss committed events (a torn copy); take a backup with c2g backup',
    );
  }
  let db: Database;
  try {
    db = openSqliteDatabase(path, { readonly: true });
  } catch (error) {
    throw new BackupError(`${name} is damaged (${(error as Error).message.replace(/^cannot open [^:]*: /, '')}): a torn or corrupted copy`);
  }
  try {
    const check = db.pragma('quick_check', { simple: true }) as string;
    if (check !== 'ok') throw new BackupError(`${name} is damaged (quick_check: ${check}): a torn or corrupted copy`);
  } catch (error) {
    db.close();
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${name} is damaged (${(error as Error).message}): a torn or corrupted copy`);
  }
  return db;
}

async function verifyLog(db: Database, manifest: BackupManifest, progress: Progress): Promise<{ streams: number; events: number }> {
  const stamp = readSchemaStamp(db);
  if (stamp.applicationId !== EVENT_STORE_SCHEMA.applicationId) {
    throw new BackupError(`events.sqlite is not a c2g event log (application_id ${stamp.applicationId})`);
  }
  const head = readLogHead(db);
  const claimed = manifest.log;
  if (head.position !== claimed.position || head.headHash !== claimed.headHash || head.events !== claimed.events) {
    throw new BackupError(
      `torn copy: the log in events.sqlite ends at ${describeHead(head)} with ${head.events} events, ` +
        `the manifest says ${describeHead(claimed)} with ${claimed.events} events`,
    );
  }
  progress.start('verify hash chains', head.events, 'events');
  const chains = await verifyChains(readLog(db), (checked) => progress.update(checked));
  if (chains.ok) progress.update(chains.events);
  progress.stop();
  if (!chains.ok) {
    const { streamId, revision, position, reason } = chains.brokenLink;
    throw new BackupError(`broken hash chain in events.sqlite: stream ${streamId} revision ${revision} (position ${position}): ${reason}`);
  }
  return { streams: chains.streams, events: chains.events };
}

async function* readLog(db: Database): AsyncIterable<StoredEvent> {
  const page = db
    .prepare('SELECT position, event_id, stream_id, revision, type, data, metadata, prev_hash, hash FROM events WHERE position > ? ORDER BY position LIMIT 2000')
    .safeIntegers(true);
  let after = 0n;
  for (;;) {
    const rows = page.all(after) as EventRow[];
    for (const row of rows) yield rowToStoredEvent(row);
    if (rows.length === 0) return;
    after = rows[rows.length - 1].position;
  }
}
