import { Logger } from '@nestjs/common';
import { firstValueFrom, Observable, of, Subject } from 'rxjs';
import { filter, map, timeout } from 'rxjs/operators';
import { EventStore, StoredEvent } from '@c2g/event-store';
import { Projection, ReadModelChange } from './projection';
import { ProjectionSlot } from './projection-slot';
import { ProjectionStatus } from './projection-status';
import { openReadModel, otherVersions, readModelFile, removeReadModel } from './read-model-file';

export interface ProjectionRunnerOptions {
  store: EventStore;
  /** Directory of the read-model files, one per projection and version. */
  dir: string;
  projections: Projection[];
  /** Events read from the log and applied per transaction. */
  batchSize?: number;
  /** Called after every batch: how far the slowest projection is, and the log's head. */
  onProgress?: (position: bigint, head: bigint) => void;
}

interface Entry {
  /** The version of the code that runs; applies every event. */
  building: ProjectionSlot;
  /** The one queries read: `building`, or an older version's frozen tables until the rebuild catches up. */
  serving: ProjectionSlot;
}

/**
 * Feeds every projection from the global log: catch up from each stored checkpoint, then
 * follow live. One read of the log serves all projections; each applies a batch in one
 * transaction with its checkpoint, so a crash never skips or repeats an event. A projection
 * that throws is parked on that event (recorded, visible in status) and the others go on.
 */
export class ProjectionRunner {
  private readonly entries = new Map<string, Entry>();
  private readonly changesSubject = new Subject<ReadModelChange>();
  private readonly progress = new Subject<void>();
  private readonly logger = new Logger('Projections');
  private stopped = false;
  private loop: Promise<void> | undefined;
  private wake: () => void = () => undefined;
  private lastError: string | undefined;
  private head = 0n;
  private batchSize: number;

  readonly changes$: Observable<ReadModelChange> = this.changesSubject.asObservable();

  constructor(private readonly options: ProjectionRunnerOptions) {
    this.batchSize = options.batchSize ?? 1000;
    for (const projection of options.projections) this.open(projection);
  }

  start(): void {
    this.loop ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.loop;
    for (const { building, serving } of this.entries.values()) {
      building.db.close();
      if (serving !== building) serving.db.close();
    }
    this.changesSubject.complete();
  }

  /** The database queries of this read model should use now. */
  database(name: string) {
    return this.entry(name).serving.db;
  }

  /** The log position the serving version of this read model reflects. */
  position(name: string): bigint {
    return this.entry(name).serving.checkpoint;
  }

  status(): ProjectionStatus[] {
    return [...this.entries.values()].map(({ building, serving }) => building.status(serving));
  }

  /** Every projection live, none parked, all at the log's head as last seen. */
  caughtUp(): boolean {
    return [...this.entries.values()].every(
      ({ building, serving }) => building === serving && building.state === 'live' && !building.parked && building.checkpoint >= this.head,
    );
  }

  /** Why the runner itself (not one projection) is unhappy, if it is. */
  error(): string | undefined {
    return this.lastError;
  }

  /** Tries a parked projection again from the event it stopped on. */
  retry(name: string): void {
    this.entry(name).building.unpark();
    this.wake();
  }

  /** Resolves true once these read models reflect `position`, false after `timeoutMs`. */
  waitFor(names: string[], position: bigint, timeoutMs: number): Promise<boolean> {
    const reached = () => names.every((name) => this.position(name) >= position);
    if (reached()) return Promise.resolve(true);
    return firstValueFrom(
      this.progress.pipe(
        filter(reached),
        map(() => true),
        timeout({ first: timeoutMs, with: () => of(false) }),
      ),
      { defaultValue: false },
    );
  }

  /** Resolves true once every read model is live at the head (rebuilds swapped in), false after `timeoutMs`. */
  waitUntilCaughtUp(timeoutMs: number): Promise<boolean> {
    if (this.caughtUp()) return Promise.resolve(true);
    return firstValueFrom(
      this.progress.pipe(
        filter(() => this.caughtUp()),
        map(() => true),
        timeout({ first: timeoutMs, with: () => of(false) }),
      ),
      { defaultValue: false },
    );
  }

  private entry(name: string): Entry {
    const entry = this.entries.get(name);
    if (!entry) throw new Error(`no read model named ${name}`);
    return entry;
  }

  private open(projection: Projection): void {
    const { dir } = this.options;
    const building = new ProjectionSlot(projection, openReadModel(readModelFile(dir, projection.name, projection.version), projection));
    if (building.parked) {
      this.logger.warn(`${projection.name} was parked at position ${building.parked.position}; trying it again`);
      building.unpark();
    }
    let serving = building;
    const older = otherVersions(dir, projection.name, projection.version);
    if (building.state === 'building' && older.length > 0) {
      const frozen = { ...projection, version: older[0], name: projection.name };
      serving = new ProjectionSlot(frozen, openReadModel(readModelFile(dir, projection.name, older[0]), frozen));
      this.logger.log(`${projection.name}: rebuilding v${projection.version}; v${older[0]} serves until it catches up`);
    } else if (building.state === 'live') {
      for (const version of older) removeReadModel(dir, projection.name, version);
    }
    this.entries.set(projection.name, { building, serving });
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.step();
        this.lastError = undefined;
      } catch (error) {
        this.lastError = `reading the event log failed: ${(error as Error).message}`;
        this.logger.error(this.lastError);
        await this.idle(undefined, 1000);
      }
    }
  }

  private async step(): Promise<void> {
    const active = [...this.entries.values()].filter((entry) => !entry.building.parked);
    if (active.length === 0) return this.idle(undefined);
    const from = active.reduce((min, e) => (e.building.checkpoint < min ? e.building.checkpoint : min), active[0].building.checkpoint);
    const page: StoredEvent[] = [];
    const started = Date.now();
    for await (const event of this.options.store.readAll({ fromPosition: from + 1n, maxCount: this.batchSize })) {
      page.push(event);
    }
    if (page.length === 0) {
      this.head = from;
      this.swapCaughtUp(active);
      this.progress.next();
      return this.idle(from);
    }
    const now = () => new Date().toISOString();
    for (const { building } of active) {
      for (const change of building.applyBatch(page, now, this.changesSubject.observed)) this.changesSubject.next(change);
      if (building.parked) this.logger.error(`${building.projection.name} parked at position ${building.parked.position}: ${building.parked.error}`);
    }
    this.adaptBatchSize(Date.now() - started);
    const last = page[page.length - 1].position;
    if (last > this.head) this.head = last;
    this.progress.next();
    this.options.onProgress?.(from, this.head);
    await new Promise((resolve) => setImmediate(resolve)); // let HTTP requests in during a long catch-up
  }

  /**
   * Batches run synchronously on the event loop: keep each under ~50 ms so HTTP requests are
   * served during a long catch-up, and grow them again when events are cheap.
   */
  private adaptBatchSize(elapsedMs: number): void {
    const ceiling = this.options.batchSize ?? 1000;
    if (elapsedMs > 50) this.batchSize = Math.max(10, Math.floor(this.batchSize / 2));
    else if (elapsedMs < 10) this.batchSize = Math.min(ceiling, this.batchSize * 2);
  }

  /** Versions that reached the head go live; a finished rebuild replaces the version serving. */
  private swapCaughtUp(active: Entry[]): void {
    for (const entry of active) {
      entry.building.markLive();
      if (entry.serving !== entry.building) {
        const old = entry.serving;
        entry.serving = entry.building;
        old.db.close();
        removeReadModel(this.options.dir, old.projection.name, old.projection.version);
        this.logger.log(`${entry.building.projection.name}: v${entry.building.projection.version} caught up and now serves`);
      }
    }
  }

  /** Waits for an event after `after` (or, with undefined, only for retry/stop). */
  private async idle(after: bigint | undefined, maxMs?: number): Promise<void> {
    const woken = new Promise<void>((resolve) => {
      this.wake = resolve;
      if (maxMs !== undefined) setTimeout(resolve, maxMs).unref();
    });
    if (this.stopped) return;
    if (after === undefined) return woken;
    const subscription = this.options.store.subscribeToAll({ fromPosition: after });
    try {
      await Promise.race([subscription[Symbol.asyncIterator]().next(), woken]);
    } finally {
      await subscription.close();
    }
  }
}
