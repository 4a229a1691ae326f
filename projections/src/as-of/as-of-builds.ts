import type { Database } from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { openSqliteDatabase } from '@c2g/event-store';
import { tracer, tracingOn } from '@c2g/telemetry';
import { Context, ROOT_CONTEXT, Span, SpanStatusCode } from '@opentelemetry/api';
import { Worker } from 'node:worker_threads';
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

/** What an as-of builder thread is started with. */
export interface AsOfWorkerSettings {
  readModelsDir: string;
  connectionString?: string;
  eventsFile: string;
}

/** One build asked of a builder thread. */
export interface AsOfJob {
  id: number;
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
  private idle: Worker[] = [];
  private readonly workers = new Set<Worker>();
  private closed = false;

  constructor(private readonly settings: AsOfSettings) {
    rmSync(settings.scratchRoot, { recursive: true, force: true });
  }

  /** Runs `query` on these read models as of `position`; `parent` is the asking request's span (tracing on). */
  async query<T>(names: string[], position: bigint, query: (db: (name: string) => Database) => T, parent?: Context): Promise<T> {
    const sorted = [...names].sort();
    // A span per as-of answer (tracing on): a child of the request's, saying whether it was built or cached.
    const span = tracingOn()
      ? tracer().startSpan('as-of', { attributes: { 'c2g.as_of.position': position.toString(), 'c2g.read_models': sorted } }, parent ?? ROOT_CONTEXT)
      : undefined;
    try {
      const answer = await this.answer(sorted, position, query, span);
      span?.setStatus({ code: SpanStatusCode.OK });
      return answer;
    } catch (error) {
      span?.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
      throw error;
    } finally {
      span?.end();
    }
  }

  /** `names` sorted: the build's cache key. */
  private async answer<T>(names: string[], position: bigint, query: (db: (name: string) => Database) => T, span: Span | undefined): Promise<T> {
    const files = await this.build(names, position, span);
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

  /** Builds running now and builds waiting for a turn (for /metrics). */
  inFlight(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  close(): void {
    this.closed = true;
    for (const worker of this.workers) worker.postMessage('stop');
    rmSync(this.settings.scratchRoot, { recursive: true, force: true });
  }

  private build(names: string[], position: bigint, span?: Span): Promise<Record<string, string>> {
    const key = `${position}|${names.join(',')}`;
    const cached = this.cache.get(key);
    span?.setAttribute('c2g.as_of.cached', cached !== undefined);
    if (cached) {
      cached.lastUsed = Date.now();
      return cached.built;
    }
    span?.setAttributes({ 'c2g.as_of.builds_running': this.running, 'c2g.as_of.builds_waiting': this.waiting.length });
    if (this.running >= this.settings.concurrency && this.waiting.length >= this.settings.queueLimit) {
      throw new AsOfBusyError(this.running, this.waiting.length);
    }
    const dir = join(this.settings.scratchRoot, `build-${++this.sequence}`);
    const built = this.inTurn((worker) => this.runJob(worker, names, position, dir));
    const entry = { built, dir, lastUsed: Date.now() };
    this.cache.set(key, entry);
    built.catch(() => this.cache.delete(key));
    this.evict();
    return built;
  }

  private async inTurn<T>(work: (worker: Worker) => Promise<T>): Promise<T> {
    if (this.running >= this.settings.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running += 1;
    const worker = this.idle.pop() ?? this.spawn();
    try {
      return await work(worker);
    } finally {
      if (worker.threadId >= 0 && !this.closed) this.idle.push(worker);
      this.running -= 1;
      this.waiting.shift()?.();
    }
  }

  /** A builder thread, kept for later builds (at most `concurrency` of them). */
  private spawn(): Worker {
    const { readModelsDir, connectionString, eventsFile } = this.settings;
    const settings: AsOfWorkerSettings = { readModelsDir, connectionString, eventsFile };
    const worker = spawnWorker(__dirname, 'as-of.worker', __filename, settings);
    worker.unref(); // an idle builder never keeps the process alive
    worker.on('error', () => undefined); // reported to the build that was running (exit below)
    this.workers.add(worker);
    worker.once('exit', () => {
      this.workers.delete(worker);
      this.idle = this.idle.filter((w) => w !== worker);
    });
    return worker;
  }

  private runJob(worker: Worker, names: string[], position: bigint, scratchDir: string): Promise<Record<string, string>> {
    const job: AsOfJob = { id: ++this.sequence, names, position: position.toString(), scratchDir };
    return new Promise((resolve, reject) => {
      const onMessage = (message: { id: number; files?: Record<string, string>; error?: string }) => {
        if (message.id !== job.id) return;
        settle();
        if (message.files) resolve(message.files);
        else reject(new Error(`the as-of build failed: ${message.error}`));
      };
      const onExit = (code: number) => {
        settle();
        reject(new Error(`the as-of builder stopped (exit ${code})`));
      };
      const settle = () => {
        worker.off('message', onMessage);
        worker.off('exit', onExit);
      };
      worker.on('message', onMessage);
      worker.once('exit', onExit);
      worker.postMessage(job);
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
