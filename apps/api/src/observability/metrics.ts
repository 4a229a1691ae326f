import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { EventStore, SqliteEventStore } from '@c2g/event-store';
import { AsOfBuilds, ReadSide } from '@c2g/projections';
import { EVENT_STORE, RAW_EVENT_STORE } from '../event-store/event-store.module';
import { AS_OF_BUILDS, PROJECTION_RUNNER } from '../read-models/projection-runner.token';

/** Seconds: a command takes a few milliseconds, a contended one up to a second or more. */
const COMMAND_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Appends per group commit: one when traffic is light, up to the whole backlog of a turn of the event loop. */
const BATCH_BUCKETS = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512];
const HTTP_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** How a command ended, as a metric label: a handful of values, never an id. */
export type CommandOutcome = 'accepted' | 'refused' | 'conflict' | 'contended' | 'failed';

/** Node's process metrics are process-wide: collected once, whichever app asks first. */
let processRegistry: Registry | undefined;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/**
 * Every metric the API exports at GET /metrics (Prometheus text format). Counters and
 * histograms move as things happen; where the read side stands (checkpoints, the log's head,
 * lag, parked projections, duplicate flags, as-of builds) is read when scraped, from what the
 * API already knows (the projector thread's messages, the store's head), so it works the same
 * with the projector in a thread or inline and on both stores.
 */
@Injectable()
export class Metrics implements OnModuleDestroy {
  readonly registry = new Registry();
  private readonly logger = new Logger('Metrics');

  readonly commands = new Counter({
    name: 'c2g_commands_total',
    help: 'Commands run, by command type, outcome (accepted, refused, conflict, contended, failed) and error code',
    labelNames: ['type', 'outcome', 'code'] as const,
    registers: [this.registry],
  });
  readonly commandDuration = new Histogram({
    name: 'c2g_command_duration_seconds',
    help: 'Time from a command entering its streams queue to its answer, by type and outcome',
    labelNames: ['type', 'outcome'] as const,
    buckets: COMMAND_BUCKETS,
    registers: [this.registry],
  });
  readonly appends = new Counter({
    name: 'c2g_appends_total',
    help: 'Appends to a stream that committed (one per stream a command wrote)',
    registers: [this.registry],
  });
  readonly eventsAppended = new Counter({
    name: 'c2g_events_appended_total',
    help: 'Events appended by commands',
    registers: [this.registry],
  });
  readonly appendConflicts = new Counter({
    name: 'c2g_append_conflicts_total',
    help: 'Appends refused because another writer moved the stream (each is decided again after a backoff, or answered 409 with If-Match)',
    labelNames: ['type'] as const,
    registers: [this.registry],
  });
  /** SQLite only: EventStoreDB commits each append on its own (its own metrics show its writes). */
  readonly groupCommitAppends = new Histogram({
    name: 'c2g_group_commit_appends',
    help: 'Appends made durable by one SQLite transaction and fsync (group commit)',
    buckets: BATCH_BUCKETS,
    registers: [this.registry],
  });
  readonly groupCommitDuration = new Histogram({
    name: 'c2g_group_commit_duration_seconds',
    help: 'Time of one SQLite group commit, its fsync included',
    buckets: COMMAND_BUCKETS,
    registers: [this.registry],
  });
  readonly rateLimited = new Counter({
    name: 'c2g_rate_limit_refusals_total',
    help: 'Requests refused with 429 by the rate limiter',
    registers: [this.registry],
  });
  readonly httpRequests = new Counter({
    name: 'c2g_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    registers: [this.registry],
  });
  readonly httpDuration = new Histogram({
    name: 'c2g_http_request_duration_seconds',
    help: 'HTTP request duration, by method and route pattern',
    labelNames: ['method', 'route'] as const,
    buckets: HTTP_BUCKETS,
    registers: [this.registry],
  });

  private readonly head = this.gauge('c2g_log_head_position', 'Position of the last event in the log (-1: the store did not answer)');
  private readonly checkpoint = this.gauge('c2g_read_model_checkpoint_position', 'Log position the running (or rebuilding) version of a read model has applied', ['read_model']);
  private readonly serving = this.gauge('c2g_read_model_serving_position', 'Log position the version answering queries reflects', ['read_model']);
  private readonly lagPositions = this.gauge(
    'c2g_read_model_lag_positions',
    'Log head minus serving position: events not yet in the read model on SQLite (on EventStoreDB, positions are not one per event)',
    ['read_model'],
  );
  private readonly lagSeconds = this.gauge('c2g_read_model_lag_seconds', 'How long the oldest event not yet in the read model has been in the log (0 when caught up)', ['read_model']);
  private readonly parked = this.gauge('c2g_read_model_parked', '1 while a read model is parked on an event its projection could not apply', ['read_model']);
  private readonly parkedCount = this.gauge('c2g_read_models_parked', 'Read models parked');
  private readonly rebuilding = this.gauge('c2g_read_model_rebuilding', '1 while a new version of a read model is being built from position 0', ['read_model']);
  private readonly readSideError = this.gauge('c2g_read_side_failing', '1 while feeding the read models fails (the log or a read-model database; retried with backoff)');
  private readonly duplicateFlags = this.gauge('c2g_duplicate_flags', 'Duplicate-effort flags in the duplicate-flags read model, by status', ['status']);
  private readonly asOfRunning = this.gauge('c2g_as_of_builds_in_flight', 'As-of answers being built now');
  private readonly asOfWaiting = this.gauge('c2g_as_of_builds_waiting', 'As-of builds waiting for a turn');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECTION_RUNNER) private readonly readSide: ReadSide,
    @Inject(AS_OF_BUILDS) private readonly asOf: AsOfBuilds,
    @Inject(RAW_EVENT_STORE) raw: EventStore,
  ) {
    if (raw instanceof SqliteEventStore) {
      this.stopObservingCommits = raw.onGroupCommit(({ appends, seconds }) => {
        this.groupCommitAppends.observe(appends);
        this.groupCommitDuration.observe(seconds);
      });
    }
  }

  private readonly stopObservingCommits?: () => void;

  onModuleDestroy(): void {
    this.stopObservingCommits?.();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** The whole exposition: this app's metrics, read-side state as of now, and Node's process metrics. */
  async render(): Promise<string> {
    await this.refreshReadSide();
    const [own, process] = await Promise.all([this.registry.metrics(), processMetrics().metrics()]);
    return `${own}\n${process}`;
  }

  private async refreshReadSide(): Promise<void> {
    let head: bigint | undefined;
    try {
      head = await this.store.headPosition();
    } catch {
      head = undefined;
    }
    this.head.set(head === undefined ? -1 : Number(head));
    const status = this.readSide.status();
    const firstUnapplied = new Map<bigint, Promise<number>>();
    const now = Date.now();
    let parkedCount = 0;
    await Promise.all(
      status.map(async (model) => {
        const labels = { read_model: model.name };
        const serving = BigInt(model.servingPosition);
        this.checkpoint.set(labels, Number(model.checkpoint));
        this.serving.set(labels, Number(serving));
        const isParked = model.state === 'parked' || model.parked !== undefined;
        if (isParked) parkedCount += 1;
        this.parked.set(labels, isParked ? 1 : 0);
        this.rebuilding.set(labels, model.servingVersion !== model.version ? 1 : 0);
        const behind = head !== undefined && serving < head;
        this.lagPositions.set(labels, head === undefined ? 0 : Math.max(0, Number(head - serving)));
        if (!behind) {
          this.lagSeconds.set(labels, 0);
          return;
        }
        let occurred = firstUnapplied.get(serving);
        if (!occurred) firstUnapplied.set(serving, (occurred = this.occurredAfter(serving)));
        const at = await occurred;
        this.lagSeconds.set(labels, Number.isFinite(at) ? Math.max(0, (now - at) / 1000) : 0);
      }),
    );
    this.parkedCount.set(parkedCount);
    this.readSideError.set(this.readSide.error() ? 1 : 0);
    this.countDuplicateFlags();
    const { running, waiting } = this.asOf.inFlight();
    this.asOfRunning.set(running);
    this.asOfWaiting.set(waiting);
  }

  /** When the first event after `position` occurred (ms since the epoch), NaN if unknown. */
  private async occurredAfter(position: bigint): Promise<number> {
    try {
      for await (const event of this.store.readAll({ fromPosition: position + 1n, maxCount: 1 })) {
        return Date.parse(event.metadata.occurredAt);
      }
    } catch (error) {
      this.logger.debug(`lag of the read models not measured: ${(error as Error).message}`);
    }
    return NaN;
  }

  private countDuplicateFlags(): void {
    this.duplicateFlags.reset();
    try {
      const db = this.readSide.database('duplicate-flags');
      // Version 5 keeps counts per status; version 4 (serving while 5 rebuilds after an upgrade) is counted.
      const counted = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'dup_flag_counts'").get() !== undefined;
      const rows = db.prepare(counted ? 'SELECT status, n FROM dup_flag_counts' : 'SELECT status, COUNT(*) AS n FROM dup_flags GROUP BY status').all() as { status: string; n: number }[];
      for (const { status, n } of rows) this.duplicateFlags.set({ status }, n);
    } catch (error) {
      this.logger.debug(`duplicate flags not counted: ${(error as Error).message}`);
    }
  }

  private gauge<L extends string>(name: string, help: string, labelNames: readonly L[] = []): Gauge<L> {
    return new Gauge({ name, help, labelNames, registers: [this.registry] });
  }
}
