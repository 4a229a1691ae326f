import type { Database, Statement } from 'better-sqlite3';
import { StoredEvent } from '@c2g/event-store';
import { faultPoint } from '@c2g/event-store/fault-point';
import { Projection, ReadModelChange } from './projection';
import { ParkedEvent, ProjectionStatus } from './projection-status';

interface CheckpointRow {
  position: number | bigint;
  state: 'building' | 'live';
}

/** A projection's own code threw on an event: that event is parked. */
export class ProjectionApplyError extends Error {
  constructor(
    readonly event: StoredEvent,
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'ProjectionApplyError';
  }
}

/**
 * One projection at one version with its database: applies batches of events in one
 * transaction together with the checkpoint, and parks itself on the first event it cannot
 * apply, keeping everything before that event.
 */
export class ProjectionSlot {
  checkpoint: bigint;
  state: 'building' | 'live';
  parked: ParkedEvent | undefined;
  private readonly saveCheckpoint: Pick<Statement, 'run'>;
  private readonly readCheckpoint: Statement;

  constructor(
    readonly projection: Projection,
    readonly db: Database,
  ) {
    const row = db.prepare('SELECT position, state FROM _checkpoint WHERE id = 1').get() as CheckpointRow;
    this.checkpoint = BigInt(row.position);
    this.state = row.state;
    const saveCheckpoint = db.prepare('UPDATE _checkpoint SET position = ?, state = ? WHERE id = 1');
    // Tests only (C2G_FAULT_POINT): a crash test can kill the process right before any checkpoint write.
    this.saveCheckpoint = { run: (...values) => (faultPoint('projection-before-checkpoint'), saveCheckpoint.run(...values)) };
    this.readCheckpoint = db.prepare('SELECT position FROM _checkpoint WHERE id = 1').safeIntegers(true);
    const parked = db.prepare('SELECT * FROM _parked ORDER BY position LIMIT 1').get() as Record<string, unknown> | undefined;
    this.parked = parked && {
      position: String(parked.position),
      eventId: String(parked.event_id),
      streamId: String(parked.stream_id),
      type: String(parked.type),
      error: String(parked.error),
      parkedAt: String(parked.parked_at),
    };
  }

  /**
   * Applies the events after this slot's checkpoint; returns the committed changes, or none
   * when nobody listens (`collectChanges` false) — building them is a tenth of a replay's time.
   */
  applyBatch(events: StoredEvent[], parkedAt: () => string, collectChanges = true): ReadModelChange[] {
    const pending = events.filter((event) => event.position > this.checkpoint);
    if (pending.length === 0 || this.parked) return [];
    try {
      return this.commit(pending, collectChanges);
    } catch (error) {
      // Only the projection's own code failing on an event parks it; a failing database
      // (busy, full disk) is the runner's to retry, with nothing committed.
      if (!(error instanceof ProjectionApplyError)) throw error;
      const before = pending.filter((event) => event.position < error.event.position);
      const changes = before.length > 0 ? this.commit(before, collectChanges) : [];
      this.park(error.event, error.cause, parkedAt());
      return changes;
    }
  }

  markLive(): void {
    if (this.state === 'live') return;
    this.state = 'live';
    this.db.prepare(`UPDATE _checkpoint SET state = 'live' WHERE id = 1`).run();
  }

  /** Forgets the parked event so the next batch tries it again. */
  unpark(): void {
    this.db.prepare('DELETE FROM _parked').run();
    this.parked = undefined;
  }

  status(serving: ProjectionSlot): ProjectionStatus {
    return {
      name: this.projection.name,
      version: this.projection.version,
      state: this.parked ? 'parked' : this.state,
      checkpoint: this.checkpoint.toString(),
      servingVersion: serving.projection.version,
      servingPosition: serving.checkpoint.toString(),
      ...(this.parked ? { parked: this.parked } : {}),
      ...(serving !== this && serving.parked ? { servingParked: serving.parked } : {}),
    };
  }

  private commit(events: StoredEvent[], collectChanges: boolean): ReadModelChange[] {
    const changes: ReadModelChange[] = [];
    const name = this.projection.name;
    const ignore = () => undefined;
    this.db.transaction(() => {
      // Another process (the CLI) may feed the same file: trust only the checkpoint inside the lock.
      const stored = (this.readCheckpoint.get() as { position: bigint }).position;
      if (stored > this.checkpoint) this.checkpoint = stored;
      events.filter((event) => event.position > stored).forEach((event) => {
        try {
          this.projection.apply(event, {
            db: this.db,
            changed: collectChanges ? (change) => changes.push({ ...change, projection: name, position: event.position.toString() }) : ignore,
          });
        } catch (error) {
          throw new ProjectionApplyError(event, error);
        }
      });
      const last = events[events.length - 1].position;
      if (last > this.checkpoint) {
        this.saveCheckpoint.run(last, this.state);
        this.checkpoint = last;
      }
    }).immediate();
    return changes;
  }

  private park(event: StoredEvent, error: unknown, parkedAt: string): void {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    this.parked = {
      position: event.position.toString(),
      eventId: event.eventId,
      streamId: event.streamId,
      type: event.type,
      error: message.slice(0, 1000),
      parkedAt,
    };
    this.db
      .prepare('INSERT OR REPLACE INTO _parked (position, event_id, stream_id, type, error, parked_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(event.position, event.eventId, event.streamId, event.type, this.parked.error, parkedAt);
  }
}
