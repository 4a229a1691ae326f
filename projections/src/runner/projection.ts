import type { Database } from 'better-sqlite3';
import { StoredEvent } from '@c2g/event-store';

/** Something a dashboard may want to hear about (GET /live). */
export interface ReadModelChange {
  projection: string;
  position: string;
  kind: string;
  id: string;
  pairingId?: string;
  communityId?: string;
}

export interface ProjectionContext {
  db: Database;
  /** Announces a change, emitted once the transaction that made it has committed. */
  changed(change: Omit<ReadModelChange, 'projection' | 'position'>): void;
}

/**
 * A read model: plain code over its own SQLite database. The runner calls `setup` on a
 * fresh database and `apply` for every event of the global log, in order, inside a
 * transaction that also stores the checkpoint. `apply` must be deterministic (no clock, no
 * randomness) and must ignore event types it does not know. Bump `version` whenever the
 * tables or their meaning change: the runner then rebuilds from position 0.
 */
export interface Projection {
  readonly name: string;
  readonly version: number;
  /** False for a read model as-of answers never start from (the transparency tree): no snapshots are taken of it. */
  readonly snapshots?: boolean;
  /**
   * The version before this one, kept for one release after a change of `version`: while this
   * version rebuilds from 0, the previous one goes on applying new events and answers queries,
   * so a deploy never serves stale data. Without it the previous version's file answers frozen
   * at its checkpoint until the rebuild catches up.
   */
  readonly previous?: Projection;
  setup(db: Database): void;
  apply(event: StoredEvent, context: ProjectionContext): void;
}
