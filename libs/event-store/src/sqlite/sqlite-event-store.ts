import type { Database } from 'better-sqlite3';
import { chainEvent } from '../hash-chain/chain-event';
import { GENESIS_HASH } from '../hash-chain/event-hash';
import {
  AppendOptions,
  AppendResult,
  EventStore,
  EventSubscription,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeToAllOptions,
} from '../port/event-store';
import {
  EventIdConflictError,
  EventStoreError,
  StoreClosedError,
  WrongExpectedVersionError,
} from '../port/event-store-errors';
import { ExpectedRevision, satisfiesExpectedRevision } from '../port/expected-revision';
import { PreparedEvent, prepareAppend } from '../port/prepare-append';
import { EventToAppend, StoredEvent } from '../port/stored-event';
import { AppendSignal } from './append-signal';
import { SqliteSynchronous } from './open-sqlite-database';
import { EventRow, EventStatements, prepareEventStatements, rowToStoredEvent } from './sqlite-event-rows';
import { openMigratedSqliteDatabase } from './sqlite-migrations';
import { EVENT_STORE_SCHEMA } from './sqlite-schema';

export interface SqliteEventStoreOptions {
  /** Path of the database file (':memory:' is refused: subscriptions need a real file). */
  file: string;
  /** FULL (default) fsyncs every commit: an acknowledged append survives power loss. */
  synchronous?: SqliteSynchronous;
  /** How often live subscriptions look for appends made by other processes. */
  foreignAppendPollMs?: number;
  /** Rows fetched per page by reads and subscriptions. */
  pageSize?: number;
}

interface PendingAppend {
  streamId: string;
  events: PreparedEvent[];
  expected: ExpectedRevision;
  resolve(result: AppendResult): void;
  reject(error: Error): void;
}

const MAX_REMEMBERED_TIPS = 10_000;

/** One group commit: the appends one transaction (and its fsync) made durable. */
export interface GroupCommit {
  appends: number;
  /** Wall time of the transaction, fsync included. */
  seconds: number;
}

type Outcome = { result: AppendResult } | { error: Error };

/**
 * The embedded event store: one SQLite file in WAL mode. Appends that arrive in the same
 * turn of the event loop are written in one transaction (group commit, one fsync), each in
 * its own savepoint so one refused append never fails its neighbours; none is acknowledged
 * before the commit is durable.
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database;
  private readonly statements: EventStatements;
  private readonly signal: AppendSignal;
  private readonly pageSize: number;
  private queue: PendingAppend[] = [];
  private flushScheduled = false;
  private closed = false;
  private readonly appendInSavepoint: (request: PendingAppend) => AppendResult;
  /** Stream tips this connection wrote, valid while no other connection has committed (data_version). */
  private readonly tips = new Map<string, { revision: bigint; hash: string }>();
  private tipsDataVersion = -1;
  private readonly commitListeners = new Set<(commit: GroupCommit) => void>();

  constructor(options: SqliteEventStoreOptions) {
    this.db = openMigratedSqliteDatabase(options.file, EVENT_STORE_SCHEMA, { synchronous: options.synchronous });
    this.statements = prepareEventStatements(this.db);
    this.pageSize = options.pageSize ?? 500;
    this.signal = new AppendSignal(
      () => this.db.pragma('data_version', { simple: true }) as number,
      options.foreignAppendPollMs ?? 100,
    );
    this.appendInSavepoint = this.db.transaction((request: PendingAppend) => this.appendOne(request));
  }

  append(streamId: string, events: EventToAppend[], options: AppendOptions = {}): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new StoreClosedError());
    let prepared: PreparedEvent[];
    try {
      prepared = prepareAppend(streamId, events);
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ streamId, events: prepared, expected: options.expectedRevision ?? 'any', resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<StoredEvent> {
    const backwards = options.direction === 'backwards';
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    let next = options.fromRevision ?? (backwards ? BigInt(Number.MAX_SAFE_INTEGER) : 0n);
    while (remaining > 0) {
      this.assertOpen();
      const limit = Math.min(this.pageSize, remaining);
      const statement = backwards ? this.statements.streamBackwards : this.statements.streamForwards;
      const rows = statement.all(streamId, next, limit) as EventRow[];
      for (const row of rows) yield rowToStoredEvent(row);
      remaining -= rows.length;
      if (rows.length < limit) return;
      const last = rows[rows.length - 1].revision;
      next = backwards ? last - 1n : last + 1n;
      if (next < 0n) return;
    }
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<StoredEvent> {
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    let next = options.fromPosition ?? 0n;
    while (remaining > 0) {
      const rows = this.readAllPage(next, Math.min(this.pageSize, remaining));
      for (const event of rows) yield event;
      remaining -= rows.length;
      if (rows.length === 0) return;
      next = rows[rows.length - 1].position + 1n;
    }
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): EventSubscription {
    this.assertOpen();
    const release = this.signal.open();
    const from = options.fromPosition ?? 'start';
    let after = from === 'start' ? 0n : from === 'end' ? this.head() : from;
    let closed = false;
    const aborted = new AbortController();
    const store = this;

    async function* follow(): AsyncGenerator<StoredEvent> {
      try {
        while (!closed && !store.closed) {
          const page = store.readAllPage(after + 1n, store.pageSize);
          if (page.length === 0) {
            await store.signal.next(aborted.signal);
            continue;
          }
          for (const event of page) {
            if (closed) return;
            after = event.position;
            yield event;
          }
        }
      } finally {
        release();
      }
    }

    const iterator = follow();
    return {
      [Symbol.asyncIterator]: () => iterator,
      close: async () => {
        closed = true;
        aborted.abort();
        release();
      },
    };
  }

  async headPosition(): Promise<bigint> {
    this.assertOpen();
    return this.head();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.flush();
    this.closed = true;
    this.signal.stop();
    this.db.close();
  }

  private head(): bigint {
    return (this.statements.head.get() as { position: bigint }).position;
  }

  private readAllPage(fromPosition: bigint, limit: number): StoredEvent[] {
    this.assertOpen();
    return (this.statements.allForwards.all(fromPosition, limit) as EventRow[]).map(rowToStoredEvent);
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreClosedError();
  }

  /** Calls `listener` after each group commit (for metrics); returns the unsubscribe. */
  onGroupCommit(listener: (commit: GroupCommit) => void): () => void {
    this.commitListeners.add(listener);
    return () => this.commitListeners.delete(listener);
  }

  private flush(): void {
    this.flushScheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    let outcomes: Outcome[];
    const started = this.commitListeners.size > 0 ? process.hrtime.bigint() : 0n;
    try {
      outcomes = this.db.transaction(() => {
        this.forgetTipsIfOthersWrote();
        return batch.map((request) => this.tryAppend(request));
      }).immediate();
    } catch (error) {
      this.tips.clear();
      const failure = new EventStoreError(`append failed, nothing was written: ${(error as Error).message}`);
      for (const request of batch) request.reject(failure);
      return;
    }
    if (this.commitListeners.size > 0) this.reportCommit(outcomes, started);
    batch.forEach((request, i) => {
      const outcome = outcomes[i];
      if ('result' in outcome) request.resolve(outcome.result);
      else request.reject(outcome.error);
    });
    this.signal.notify();
  }

  private reportCommit(outcomes: Outcome[], started: bigint): void {
    const appends = outcomes.filter((outcome) => 'result' in outcome).length;
    const commit = { appends, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
    for (const listener of this.commitListeners) listener(commit);
  }

  private tryAppend(request: PendingAppend): Outcome {
    try {
      // A single event either inserts or fails before writing anything; only longer appends need a savepoint.
      return { result: request.events.length <= 1 ? this.appendOne(request) : this.appendInSavepoint(request) };
    } catch (error) {
      if (error instanceof EventStoreError) return { error };
      throw error;
    }
  }

  private appendOne({ streamId, events, expected }: PendingAppend): AppendResult {
    const retried = this.matchRetry(streamId, events);
    if (retried) return retried;
    const tip = this.tips.get(streamId) ?? (this.statements.tip.get(streamId) as { revision: bigint; hash: string } | undefined);
    if (!satisfiesExpectedRevision(expected, tip?.revision)) {
      throw new WrongExpectedVersionError(streamId, expected, tip?.revision);
    }
    let revision = tip ? tip.revision : -1n;
    let prevHash = tip ? tip.hash : GENESIS_HASH;
    let position = events.length === 0 ? this.head() : 0n;
    for (const event of events) {
      revision += 1n;
      const { prevHash: linked, hash, ...metadata } = chainEvent(event, prevHash);
      position = this.insert(event, streamId, revision, JSON.stringify(metadata), linked, hash);
      prevHash = hash;
    }
    if (events.length > 0) this.rememberTip(streamId, revision, prevHash);
    return { nextRevision: revision, position };
  }

  /** Inside the write lock: another process's commit may have moved any stream, so start over. */
  private forgetTipsIfOthersWrote(): void {
    const version = this.db.pragma('data_version', { simple: true }) as number;
    if (version !== this.tipsDataVersion) this.tips.clear();
    this.tipsDataVersion = version;
  }

  private rememberTip(streamId: string, revision: bigint, hash: string): void {
    if (this.tips.size >= MAX_REMEMBERED_TIPS) this.tips.clear();
    this.tips.set(streamId, { revision, hash });
  }

  private insert(
    event: PreparedEvent,
    streamId: string,
    revision: bigint,
    metadataJson: string,
    prevHash: string,
    hash: string,
  ): bigint {
    try {
      const info = this.statements.insert.run(
        event.eventId, streamId, revision, event.type, event.dataJson, metadataJson, prevHash, hash,
      );
      return BigInt(info.lastInsertRowid);
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
        throw new EventIdConflictError(event.eventId, 'already stored elsewhere (or twice in this append)');
      }
      throw error;
    }
  }

  /** Re-appending events already stored, in the same stream and order, is a no-op success. */
  private matchRetry(streamId: string, events: PreparedEvent[]): AppendResult | undefined {
    if (events.length === 0 || !events[0].eventIdGiven) return undefined;
    type Row = { stream_id: string; revision: bigint; position: bigint };
    const first = this.statements.byEventId.get(events[0].eventId) as Row | undefined;
    if (!first) return undefined;
    let last = first;
    events.forEach((event, i) => {
      const row = i === 0 ? first : (this.statements.byEventId.get(event.eventId) as Row | undefined);
      if (!row || row.stream_id !== streamId || row.revision !== first.revision + BigInt(i)) {
        throw new EventIdConflictError(event.eventId, 'a retry must re-send the same events of the same stream');
      }
      last = row;
    });
    return { nextRevision: last.revision, position: last.position };
  }
}
