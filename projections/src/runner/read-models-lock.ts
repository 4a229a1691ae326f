import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Someone else (a running server) feeds these read models. */
export class ReadModelsHeldError extends Error {
  constructor(readonly pid: number, dir: string) {
    super(`the read models in ${dir} are in use by a running c2g server (pid ${pid}); stop it first`);
    this.name = 'ReadModelsHeldError';
  }
}

const lockFile = (dir: string) => join(dir, 'server.lock');

/** The pid holding the read models, if that process is still alive. */
function holder(dir: string): number | undefined {
  let pid: number;
  try {
    pid = Number(readFileSync(lockFile(dir), 'utf8').trim());
  } catch {
    return undefined;
  }
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? pid : undefined; // gone: a stale lock
  }
}

/**
 * A server marks the read-model directory as its own while it runs, so that `c2g replay`
 * (which deletes and rebuilds the files) refuses instead of leaving the server writing to
 * deleted files. A lock left by a process that died is taken over.
 */
export function holdReadModels(dir: string): { release(): void } {
  const pid = holder(dir);
  if (pid !== undefined) throw new ReadModelsHeldError(pid, dir);
  mkdirSync(dir, { recursive: true });
  writeFileSync(lockFile(dir), `${process.pid}\n`);
  return {
    release: () => {
      try {
        if (Number(readFileSync(lockFile(dir), 'utf8').trim()) === process.pid) rmSync(lockFile(dir), { force: true });
      } catch {
        // already gone
      }
    },
  };
}

/** Throws ReadModelsHeldError while a live server holds the read models. */
export function assertReadModelsFree(dir: string): void {
  const pid = holder(dir);
  if (pid !== undefined) throw new ReadModelsHeldError(pid, dir);
}
