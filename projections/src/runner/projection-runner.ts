import { Logger } from '@nestjs/common';
import { Observable, Subject } from 'rxjs';
import { EventStore, EventSubscription, StoredEvent } from '@c2g/event-store';
import { tracingOn } from '@c2g/telemetry';
import { BatchTrace } from './batch-trace';
import { Projection, ReadModelChange } from './projection';
import { ProjectionSlot } from './projection-slot';
import { ProjectionStatus } from './projection-status';
import { removeSnapshots, takeSnapshot } from '../as-of/read-model-snapshots';
import { whenReached } from './progress-wait';
import { ReadSide } from './read-side';
import { openReadModel, otherVersions, readModelFile, removeReadModel } from './read-model-file';

export interface ProjectionRunnerOptions {
  store: EventStore;
  /** Directory of the read-model files, one per projection and version. */
  dir: string;
  projections: Projection[];
  /** Events read from the log and applied per transaction. */
  batchSize?: number;
  /**
   * Keep each batch under about this many ms (halving and doubling its size) — for a runner
   * on a thread that also serves requests (C2G_PROJECTOR=inline); off the request thread
   * (the projector thread, the CLI) batches stay at `batchSize`.
   */
  maxBatchMs?: number;
  /** Snapshot every read model each time its checkpoint passes a multiple of this many positions (as-of answers start from them). */
  snapshotEvery?: number;
  /** Called after every batch: how far the slowest projection is, and the log's head. */
  onProgress?: (position: bigint, head: bigint) => void;
}

interface Entry {
  /** The version of the code that runs; applies every event. */
  building: ProjectionSlot;
  /** The one queries read: `building`, or an older version until the rebuild catches up (advancing when the projection keeps its `previous` code, else frozen). */
  serving: ProjectionSlot;
  /** The serving older version keeps applying events (the projection kept its `previous` code) until the swap. */
  advancing?: boolean;
}

/** What the running versions' loop feeds for an advancing older version: the serving slot as if it were building. */
const fedAsRunning = (serving: ProjectionSlot): Entry => ({ building: serving, serving });

/**
 * Feeds every projection from the global log: catch up from each stored checkpoint page by
 * page, then follow live on one long-lived subscription. One read loop serves all running
 * projections; a version being rebuilt from 0 has a loop of its own, so it never holds the
 * others back. Each projection applies a batch in one transaction with its checkpoint, so a
 * crash never skips or repeats an event. A projection whose own code throws is parked on
 * that event (recorded, visible in status) and the others go on; a failing log or database
 * is retried with backoff and reported by `error()`, and parks nothing.
 */
export class ProjectionRunner implements ReadSide {
  private readonly entries = new Map<string, Entry>();
  private readonly changesSubject = new Subject<ReadModelChange>();
  private readonly progress = new Subject<void>();
  private readonly logger = new Logger('Projections');
  stopped = false;
  private started = false;
  private readonly loops: ReadLoop[] = [];
  private head = 0n;
  private batchSize: number;

  readonly changes$: Observable<ReadModelChange> = this.changesSubject.asObservable();
  /** Fires after every batch and whenever the head is reached. */
  readonly progress$: Observable<void> = this.progress.asObservable();

  constructor(private readonly options: ProjectionRunnerOptions) {
    this.batchSize = options.batchSize ?? 1000;
    for (const projection of options.projections) this.open(projection);
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.startLoops();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.loops.map((loop) => loop.stop()));
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
    return this.loops.find((loop) => loop.error)?.error;
  }

  /** Tries a parked projection again from the event it stopped on. */
  retry(name: string): void {
    const entry = this.entry(name);
    for (const slot of new Set([entry.building, entry.serving])) {
      if (!slot.parked) continue;
      slot.unpark();
      this.loops.find((loop) => loop.entries.some((e) => e.building === slot))?.restart();
    }
  }

  waitFor(names: string[], position: bigint, timeoutMs: number): Promise<boolean> {
    return whenReached(this.progress, () => names.every((name) => this.position(name) >= position), timeoutMs);
  }

  waitUntilCaughtUp(timeoutMs: number): Promise<boolean> {
    return whenReached(this.progress, () => this.caughtUp(), timeoutMs);
  }

  /** The file queries of this read model should open now (the serving version's). */
  servingFile(name: string): string {
    const { serving } = this.entry(name);
    return readModelFile(this.options.dir, serving.projection.name, serving.projection.version);
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
      const previous = projection.previous?.version === older[0] ? projection.previous : undefined;
      const old = previous ?? { ...projection, version: older[0], name: projection.name };
      serving = new ProjectionSlot(old, openReadModel(readModelFile(dir, projection.name, older[0]), old));
      this.logger.log(`${projection.name}: rebuilding v${projection.version}; v${older[0]} serves${previous ? ', still advancing,' : ' (frozen)'} until it catches up`);
    } else if (building.state === 'live') {
      for (const version of older) removeReadModel(dir, projection.name, version);
    }
    this.entries.set(projection.name, { building, serving, advancing: serving !== building && projection.previous?.version === serving.projection.version });
  }

  /** The entries each read loop feeds: the running versions together, each rebuild on its own. */
  private startLoops(): void {
    const entries = [...this.entries.values()];
    const groups = [
      [...entries.filter((e) => e.building === e.serving), ...entries.filter((e) => e.advancing).map((e) => fedAsRunning(e.serving))],
      ...entries.filter((e) => e.building !== e.serving).map((e) => [e]),
    ];
    for (const group of groups.filter((g) => g.length > 0)) {
      const loop = new ReadLoop(group, this);
      this.loops.push(loop);
      loop.done = loop.run();
    }
  }

  /** Reads the log for a group of entries: pages while catching up, then one long-lived subscription. */
  async feed(loop: ReadLoop): Promise<void> {
    const active = () => loop.entries.filter((entry) => !entry.building.parked);
    let position = lowestCheckpoint(active());
    if (position === undefined) return loop.parkedUntilRetry();
    // Catch up page by page: a short page means the head (as of that read) was reached.
    for (;;) {
      if (this.stopped || loop.restarting) return;
      const asked = this.batchSize; // applying a batch may resize the next one
      const page = await collectPage(this.options.store.readAll({ fromPosition: position + 1n, maxCount: asked }));
      if (page.length > 0) position = this.applyBatch(loop, active(), page);
      if (page.length < asked) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    this.reachedHead(loop, active(), position);
    if (this.stopped || loop.restarting) return;
    // Live: one subscription for as long as this loop runs, woken by every append.
    const subscription = this.options.store.subscribeToAll({ fromPosition: position });
    loop.subscription = subscription;
    try {
      const iterator = subscription[Symbol.asyncIterator]();
      let pending = iterator.next();
      for (;;) {
        let next = await settledNow(pending);
        if (next === undefined) {
          this.reachedHead(loop, active(), position);
          next = await pending;
        }
        if (next.done || this.stopped || loop.restarting) return;
        const batch = [next.value];
        pending = iterator.next();
        // Events already at hand join the batch until this turn of the event loop ends.
        const turnEnds = nextTurn();
        while (batch.length < this.batchSize) {
          const more = await Promise.race([pending, turnEnds]);
          if (more === undefined || more.done) break;
          batch.push(more.value);
          pending = iterator.next();
        }
        position = this.applyBatch(loop, active(), batch);
        await turnEnds; // a long burst still lets timers and messages in between batches
      }
    } finally {
      loop.subscription = undefined;
      await subscription.close();
    }
  }

  /** Applies one batch to every active projection of a loop; returns the batch's last position. */
  private applyBatch(loop: ReadLoop, active: Entry[], page: StoredEvent[]): bigint {
    const started = Date.now();
    const now = () => new Date().toISOString();
    const traced = tracingOn() ? new BatchTrace(page) : undefined;
    for (const { building } of active) {
      const before = building.checkpoint;
      const apply = () => building.applyBatch(page, now, this.changesSubject.observed);
      for (const change of traced ? traced.projection(building, apply) : apply()) this.changesSubject.next(change);
      if (building.parked) this.logger.error(`${building.projection.name} parked at position ${building.parked.position}: ${building.parked.error}`);
      this.snapshotIfDue(building, before);
    }
    traced?.end();
    loop.error = undefined;
    this.adaptBatchSize(Date.now() - started);
    const last = page[page.length - 1].position;
    if (last > this.head) this.head = last;
    this.progress.next();
    this.options.onProgress?.(lowestCheckpoint(active) ?? last, this.head);
    return last;
  }

  /**
   * A snapshot when this batch carried the checkpoint past a multiple of `snapshotEvery`. Not of
   * a previous version advancing during a rebuild: as-of answers start from the current
   * version's snapshots only, and the previous version's are deleted at the swap.
   */
  private snapshotIfDue(slot: ProjectionSlot, before: bigint): void {
    const every = this.options.snapshotEvery;
    if (!every || slot.projection.snapshots === false || slot.checkpoint / BigInt(every) === before / BigInt(every)) return;
    if (this.entries.get(slot.projection.name)?.building !== slot) return;
    const { name, version } = slot.projection;
    try {
      takeSnapshot(slot.db, this.options.dir, name, version, slot.checkpoint);
    } catch (error) {
      // A missing snapshot only makes as-of answers slower: report it, keep projecting.
      this.logger.warn(`snapshot of ${name} at ${slot.checkpoint} failed: ${(error as Error).message}`);
    }
  }

  private reachedHead(loop: ReadLoop, active: Entry[], position: bigint): void {
    if (position > this.head) this.head = position;
    this.swapCaughtUp(active);
    loop.error = undefined;
    this.progress.next();
  }

  reportFailure(loop: ReadLoop, error: unknown): void {
    const names = loop.entries.map((e) => e.building.projection.name).join(', ');
    loop.error = `feeding ${names} failed (retried with backoff): ${(error as Error).message}`;
    this.logger.error(loop.error);
    this.progress.next();
  }

  /** With `maxBatchMs`: halve the next batch after a long one, double it after a cheap one. */
  private adaptBatchSize(elapsedMs: number): void {
    const ceiling = this.options.batchSize ?? 1000;
    const longest = this.options.maxBatchMs;
    if (longest === undefined) return;
    if (elapsedMs > longest) this.batchSize = Math.max(10, Math.floor(this.batchSize / 2));
    else if (elapsedMs < 10) this.batchSize = Math.min(ceiling, this.batchSize * 2);
  }

  /** Versions that reached the head go live; a finished rebuild replaces the version serving. */
  private swapCaughtUp(active: Entry[]): void {
    for (const entry of active) {
      entry.building.markLive();
      if (entry.serving !== entry.building) {
        const old = entry.serving;
        entry.serving = entry.building;
        entry.advancing = false;
        // Stop feeding the previous version (its loop reads `entries` afresh for every batch).
        for (const loop of this.loops) {
          const at = loop.entries.findIndex((e) => e.building === old);
          if (at >= 0) loop.entries.splice(at, 1);
        }
        old.db.close();
        removeReadModel(this.options.dir, old.projection.name, old.projection.version);
        removeSnapshots(this.options.dir, old.projection.name, old.projection.version);
        this.logger.log(`${entry.building.projection.name}: v${entry.building.projection.version} caught up and now serves`);
      }
    }
  }
}

/** One read of the log for some entries, with its own subscription, restartable and stoppable. */
class ReadLoop {
  subscription: EventSubscription | undefined;
  restarting = false;
  error: string | undefined;
  done: Promise<void> = Promise.resolve();
  private failures = 0;
  private wake: () => void = () => undefined;

  constructor(
    readonly entries: Entry[],
    private readonly runner: ProjectionRunner,
  ) {}

  async run(): Promise<void> {
    while (!this.runner.stopped) {
      this.restarting = false;
      try {
        await this.runner.feed(this);
        this.failures = 0;
      } catch (error) {
        // The log or a read-model file failed (busy, full disk, unreachable server): nothing
        // was committed, so read again from the checkpoints after a growing pause.
        this.failures += 1;
        this.runner.reportFailure(this, error);
        await this.pause(Math.min(10_000, 100 * 2 ** Math.min(this.failures, 7)));
      }
    }
  }

  /** Every projection of this loop is parked: wait for a retry (or stop). */
  parkedUntilRetry(): Promise<void> {
    return this.pause(undefined);
  }

  /** Reads again from the checkpoints (after a parked projection was released). */
  restart(): void {
    this.restarting = true;
    this.wake();
    void this.subscription?.close();
  }

  stop(): Promise<void> {
    this.wake();
    void this.subscription?.close();
    return this.done;
  }

  private pause(ms: number | undefined): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = ms === undefined ? undefined : setTimeout(() => done(), ms);
      const done = () => {
        if (timer) clearTimeout(timer);
        this.wake = () => undefined;
        resolve();
      };
      this.wake = done;
    });
  }
}

function lowestCheckpoint(entries: Entry[]): bigint | undefined {
  if (entries.length === 0) return undefined;
  return entries.reduce((min, e) => (e.building.checkpoint < min ? e.building.checkpoint : min), entries[0].building.checkpoint);
}

async function collectPage(events: AsyncIterable<StoredEvent>): Promise<StoredEvent[]> {
  const page: StoredEvent[] = [];
  for await (const event of events) page.push(event);
  return page;
}

/** Resolves (with undefined) once the current turn of the event loop is over. */
function nextTurn(): Promise<undefined> {
  return new Promise<undefined>((resolve) => setImmediate(resolve, undefined));
}

/** The promise's result if it is already settled (within this turn of the event loop), else undefined. */
function settledNow<T>(promise: Promise<T>): Promise<T | undefined> {
  return Promise.race([promise, nextTurn()]);
}
