import type { Database } from 'better-sqlite3';
import { Observable } from 'rxjs';
import { ReadModelChange } from './projection';
import { ProjectionStatus } from './projection-status';

/**
 * What the API needs of its read models, wherever the projections run: in this thread (the
 * CLI, tests of the runner) or in the projector thread the API starts.
 */
export interface ReadSide {
  readonly changes$: Observable<ReadModelChange>;
  start(): void | Promise<void>;
  stop(): Promise<void>;
  /** A connection queries of this read model use now (the serving version). */
  database(name: string): Database;
  /** The log position the serving version of this read model reflects. */
  position(name: string): bigint;
  status(): ProjectionStatus[];
  /** Every projection live, none parked, all at the log's head as last seen. */
  caughtUp(): boolean;
  /** Why the read side itself (not one projection) is unhappy, if it is. */
  error(): string | undefined;
  /** Tries a parked projection again from the event it stopped on. */
  retry(name: string): void;
  /** Resolves true once these read models reflect `position`, false after `timeoutMs`. */
  waitFor(names: string[], position: bigint, timeoutMs: number): Promise<boolean>;
  /** Resolves true once every read model is live at the head, false after `timeoutMs`. */
  waitUntilCaughtUp(timeoutMs: number): Promise<boolean>;
}
