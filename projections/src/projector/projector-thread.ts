import type { Database } from 'better-sqlite3';
import { Logger } from '@nestjs/common';
import { Worker } from 'node:worker_threads';
import { Observable, Subject } from 'rxjs';
import { openSqliteDatabase } from '@c2g/event-store';
import { receiveWorkerSpans } from '@c2g/telemetry';
import { ReadModelChange } from '../runner/projection';
import { ProjectionStatus } from '../runner/projection-status';
import { whenReached } from '../runner/progress-wait';
import { ReadSide } from '../runner/read-side';
import { spawnWorker } from './spawn-worker';
import { FromProjector, ProjectorSettings, ProjectorState, ToProjector } from './projector-protocol';

/** A projector thread that dies is started again after this pause, growing to a minute. */
const RESTART_AFTER_MS = 500;

/**
 * The API's side of the projector thread: the request thread never runs projection code.
 * Queries read the read-model files through connections of their own (read-only), and the
 * thread's messages say how far each read model is, so ?minPosition=, /ready and /live work
 * across the boundary.
 */
export class ProjectorThread implements ReadSide {
  private worker: Worker | undefined;
  private state: ProjectorState | undefined;
  private readonly progress = new Subject<void>();
  private readonly changes = new Subject<ReadModelChange>();
  private readonly connections = new Map<string, { file: string; db: Database }>();
  private readonly logger = new Logger('Projections');
  private listeners = 0;
  private stopping = false;
  private failure: string | undefined;
  private restarts = 0;
  private firstState: Promise<void> | undefined;

  /** Read-model changes; the thread collects them only while someone listens. */
  readonly changes$ = new Observable<ReadModelChange>((subscriber) => {
    const subscription = this.changes.subscribe(subscriber);
    if (++this.listeners === 1) this.send({ type: 'listen', on: true });
    return () => {
      subscription.unsubscribe();
      if (--this.listeners === 0) this.send({ type: 'listen', on: false });
    };
  });

  constructor(private readonly settings: ProjectorSettings) {}

  /** Starts the thread; resolves once it has said where every read model stands. */
  start(): Promise<void> {
    this.firstState ??= new Promise<void>((resolve, reject) => {
      const ready = this.progress.subscribe(() => {
        ready.unsubscribe();
        resolve();
      });
      this.spawn(reject);
    });
    return this.firstState;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    const worker = this.worker;
    if (worker) {
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      this.send({ type: 'stop' });
      const forced = setTimeout(() => void worker.terminate(), 10_000);
      await exited;
      clearTimeout(forced);
    }
    for (const { db } of this.connections.values()) db.close();
    this.connections.clear();
    this.progress.complete();
    this.changes.complete();
  }

  database(name: string): Database {
    const file = this.state?.servingFiles[name];
    if (!file) throw new Error(`no read model named ${name}`);
    const open = this.connections.get(name);
    if (open?.file === file) return open.db;
    // A rebuilt version took over: read the new file from now on.
    open?.db.close();
    const db = openSqliteDatabase(file, { readonly: true });
    this.connections.set(name, { file, db });
    return db;
  }

  position(name: string): bigint {
    const status = this.state?.status.find((p) => p.name === name);
    if (!status) throw new Error(`no read model named ${name}`);
    return BigInt(status.servingPosition);
  }

  status(): ProjectionStatus[] {
    return this.state?.status ?? [];
  }

  caughtUp(): boolean {
    return this.state?.caughtUp === true && this.failure === undefined;
  }

  error(): string | undefined {
    return this.failure ?? this.state?.error;
  }

  retry(name: string): void {
    this.send({ type: 'retry', name });
  }

  waitFor(names: string[], position: bigint, timeoutMs: number): Promise<boolean> {
    return whenReached(this.progress, () => this.state !== undefined && names.every((name) => this.position(name) >= position), timeoutMs);
  }

  waitUntilCaughtUp(timeoutMs: number): Promise<boolean> {
    return whenReached(this.progress, () => this.caughtUp(), timeoutMs);
  }

  private spawn(failedToStart: (error: Error) => void): void {
    const worker = spawnWorker(__dirname, 'projector.worker', __filename, this.settings);
    this.worker = worker;
    if (this.listeners > 0) this.send({ type: 'listen', on: true });
    worker.on('message', (message: FromProjector) => this.receive(message, failedToStart));
    worker.on('error', (error) => {
      this.failure = `the projector thread failed: ${error.message}`;
      this.logger.error(this.failure);
      failedToStart(new Error(this.failure)); // only matters before its first state
    });
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = undefined;
      if (this.stopping || this.state === undefined) return; // never started: start() has failed
      this.failure ??= 'the projector thread stopped unexpectedly';
      this.progress.next();
      const pause = Math.min(60_000, RESTART_AFTER_MS * 2 ** Math.min(this.restarts++, 7));
      this.logger.error(`${this.failure}; starting it again in ${pause} ms`);
      setTimeout(() => !this.stopping && this.spawn(failedToStart), pause).unref();
    });
  }

  private receive(message: FromProjector, failedToStart: (error: Error) => void): void {
    switch (message.type) {
      case 'state':
        this.state = message;
        this.failure = undefined;
        this.restarts = 0;
        this.progress.next();
        return;
      case 'changes':
        for (const change of message.changes) this.changes.next(change);
        return;
      case 'failed':
        this.failure = `the projector thread could not start: ${message.error}`;
        failedToStart(new Error(this.failure));
        return;
      case 'spans':
        receiveWorkerSpans(message.spans);
        return;
      case 'stopped':
        return;
    }
  }

  private send(message: ToProjector): void {
    this.worker?.postMessage(message);
  }
}
