import type { Database } from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Copies of a read model at log positions (`VACUUM INTO`, consistent at a batch boundary):
 * an as-of answer starts from the nearest one at or before its position and applies only the
 * events after it, instead of replaying the whole log.
 */
export function snapshotsDir(readModelsDir: string): string {
  return join(readModelsDir, 'snapshots');
}

export function snapshotFile(readModelsDir: string, name: string, version: number, position: bigint): string {
  return join(snapshotsDir(readModelsDir), `${name}.v${version}.at-${position}.sqlite`);
}

/** Positions of this read model's snapshots, oldest first. */
export function snapshotPositions(readModelsDir: string, name: string, version: number): bigint[] {
  const dir = snapshotsDir(readModelsDir);
  if (!existsSync(dir)) return [];
  const pattern = new RegExp(`^${name}\\.v${version}\\.at-(\\d+)\\.sqlite$`);
  return readdirSync(dir)
    .map((file) => pattern.exec(file))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => BigInt(match[1]))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The newest snapshot at or before `position`, if any. */
export function snapshotAtOrBefore(readModelsDir: string, name: string, version: number, position: bigint): bigint | undefined {
  return snapshotPositions(readModelsDir, name, version).filter((p) => p <= position).pop();
}

/** Writes a snapshot of `db` at `position` (written aside, then renamed: never a half file under the final name). */
export function takeSnapshot(db: Database, readModelsDir: string, name: string, version: number, position: bigint): void {
  mkdirSync(snapshotsDir(readModelsDir), { recursive: true });
  const file = snapshotFile(readModelsDir, name, version, position);
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  db.prepare('VACUUM INTO ?').run(partial);
  renameSync(partial, file);
}

/** Removes every snapshot of this read model's version (a newer version replaced it). */
export function removeSnapshots(readModelsDir: string, name: string, version: number): void {
  for (const position of snapshotPositions(readModelsDir, name, version)) rmSync(snapshotFile(readModelsDir, name, version, position), { force: true });
}
