import type { Database } from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { openSqliteDatabase } from '@c2g/event-store';
import { spawnWorker } from '../projector/spawn-worker';

export interface AsOfSettings {
  readModelsDir: string;
  connectionString?: string;
  eventsFile: string;
  /** Where built read models are kept while cached (emptied at start). */
  scratchRoot: string;
  /** Builds running at once (C2G_AS_OF_CONCURRENCY). */
  concurrency: number;
  /** Builds waiting for a turn before further requests are refused. */
  queueLimit: number;
  /** Built positions kept for later requests. */
  cacheSize: number;
}

export interface AsOfWorkerData {
  readModelsDir: string;
  connectionString?: string;
  eventsFile: string;
  names: string[];
  position: string;
  scratchDir: string;
}

/** Too many as-of builds running and waiting: the caller should retry shortly (503). */
export class AsOfBusyError extends Error {
  constructor(readonly running: number, readonly waiting: number) {
    super(`${running} as-of answers are being built and ${waiting} are waiting; retry shortly`);
    this.name = 'AsOfBusyError';
  }
}

interface CachedBuild {
  built: Promise<Record<string, string>>;
  dir: string;
  lastUsed: number;
}

/**
 * As-of answers without stalling anyone: each is built in a worker thread from the nearest
 * read-model snapshots, at most `concurrency` at a time with a bounded queue (beyond it,
 * AsOfBusyError), and kept by position so the next question about the same moment costs a
 * query only.
 */
export class AsOfBuilds {
  private readonly cache = new Map<string, CachedBuild>();
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private sequence = 0;

  constructor(private readonly settings: AsOfSettings) {
    rmSync(settings.scratchRoot, { recursive: true, force: true });
  }

  /** Runs `query` on these read models as of `position`. */
  async query<T>(names: string[], position: bigint, query: (db: (name: string) => Database) => T): Promise<T> {
    const files = await this.build([...names].sort(), position);
    const open = new Map<string, Database>();
    try {
      return query((name) => {
        let db = open.get(name);
        if (!db) {
          db = openSqliteDatabase(files[name], { readonly: true });
          open.set(name, db);
        }
        return db;
      });
    } finally {
      for (const db of open.values()) db.close();
    }
  }

  close(): void {
    rmSync(this.settings.scratchRoot, { recursive: true, force: true });
  }

  private build(names: string[], position: bigint): Promise<Record<string, string>> {
    const key = `${position}|${names.join(',')}`;
    const cached = this.cache.get(key);
    if (cached) {
      cached.lastUsed = Date.now();
      return cached.built;
    }
    if (this.running >= this.settings.concurrency && this.waiting.length >= this.settings.queueLimit) {
      throw new AsOfBusyError(this.running, this.waiting.length);
    }
    const dir = join(this.settings.scratchRoot, `build-${++this.sequence}`);
    const built = this.inTurn(() => this.runWorker(names, position, dir));
    const entry = { built, dir, lastUsed: Date.now() };
    this.cache.set(key, entry);
    built.catch(() => this.cache.delete(key));
    this.evict();
    return built;
  }

  private async inTurn<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.settings.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running += 1;
    try {
      return await work();
    } finally {
      this.running -= 1;
      this.waiting.shift()?.();
    }
  }

  private runWorker(names: string[], position: bigint, scratchDir: string): Promise<Record<string, string>> {
    const { readModelsDir, connectionString, eventsFile } = this.settings;
    const data: AsOfWorkerData = { readModelsDir, connectionString, eventsFile, names, position: position.toString(), scratchDir };
    return new Promise((resolve, reject) => {
      const worker = spawnWorker(__dirname, 'as-of.worker', __filename, data);
      worker.once('message', (message: { files?: Record<string, string>; error?: string }) => {
        if (message.files) resolve(message.files);
        else reject(new Error(`the as-of build failed: ${message.error}`));
      });
      worker.once('error', (error) => reject(new Error(`the as-of build failed: ${error.message}`)));
      worker.once('exit', (code) => reject(new Error(`the as-of build stopped (exit ${code})`)));
    });
  }

  /** Drops the least recently used builds beyond the cache size (never one still being built or read). */
  private evict(): void {
    const excess = this.cache.size - this.settings.cacheSize;
    if (excess <= 0) return;
    const oldest = [...this.cache.entries()].sort(([, a], [, b]) => a.lastUsed - b.lastUsed).slice(0, excess);
    for (const [key, entry] of oldest) {
      this.cache.delete(key);
      // Built and not being queried in this turn: the files can go once the build settles.
      void entry.built.then(
        () => setTimeout(() => rmSync(entry.dir, { recursive: true, force: true }), 60_000).unref(),
        () => rmSync(entry.dir, { recursive: true, force: true }),
      );
    }
  }
}
