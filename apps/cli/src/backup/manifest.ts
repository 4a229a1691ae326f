import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BackupError } from './backup-error';

export const MANIFEST_FILE = 'manifest.json';
export const BACKUP_FORMAT = 'c2g-backup/1';

/** The SQLite files a backup holds, in the order they are copied (the log first: see take-backup.ts). */
export const BACKED_UP_FILES = [
  // The log holds API keys and sealed personal data, and its data_keys table the keys to them.
  { name: 'events.sqlite', holds: 'event log (the only source of truth) and its data keys', required: true },
  // Only in a directory not started since keys and persons moved into the log (its next start carries them in).
  { name: 'persons.sqlite', holds: "team members' personal data (from before it moved into the log)", required: false },
  { name: 'access.sqlite', holds: 'API key hashes (from before they moved into the log)', required: false },
] as const;

export interface BackedUpFile {
  name: string;
  holds: string;
  bytes: number;
  sha256: string;
  /** PRAGMA application_id (0x43324745 'C2GE' for the event log) and user_version (schema migrations applied). */
  applicationId: number;
  schemaVersion: number;
}

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  c2gVersion: string;
  store: 'sqlite';
  /** When the snapshot was taken (ISO-8601) and how long the backup took. */
  takenAt: string;
  durationMs: number;
  /** The log as the backup holds it: its last event (the head) and how many events. */
  log: {
    position: number;
    headHash: string | null;
    headEventId: string | null;
    headStreamId: string | null;
    events: number;
  };
  files: BackedUpFile[];
  notIncluded: string;
}

export const READ_MODELS_NOT_INCLUDED =
  'read models (read-models/*.sqlite) are not included: they are rebuilt from the event log when the server starts on the restored data directory (or by c2g replay)';

/** Reads and checks the shape of DIR/manifest.json; a BackupError names what is wrong. */
export function readManifest(dir: string): BackupManifest {
  if (!existsSync(dir)) throw new BackupError('the directory does not exist');
  const file = join(dir, MANIFEST_FILE);
  if (!existsSync(file)) {
    throw new BackupError(`not a c2g backup: there is no ${MANIFEST_FILE} (a backup that was interrupted never writes one)`);
  }
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8')) as BackupManifest;
  } catch (error) {
    throw new BackupError(`${file} is not valid JSON (${(error as Error).message}): the manifest is damaged`);
  }
  if (manifest?.format !== BACKUP_FORMAT) {
    throw new BackupError(`${file} is not a ${BACKUP_FORMAT} manifest (format: ${JSON.stringify(manifest?.format)})`);
  }
  const log = manifest.log;
  const files = manifest.files;
  const wellFormed =
    log && Number.isSafeInteger(log.position) && Number.isSafeInteger(log.events) &&
    Array.isArray(files) &&
    files.every((f) => typeof f?.name === 'string' && /^[a-z]+\.sqlite$/.test(f.name) && Number.isSafeInteger(f.bytes) && /^[0-9a-f]{64}$/.test(String(f.sha256))) &&
    files.some((f) => f.name === 'events.sqlite');
  if (!wellFormed) throw new BackupError(`${file} is incomplete or damaged: it must name events.sqlite, and each file's size and sha256, and the log position`);
  return manifest;
}
