import type { LogLevel } from '@nestjs/common';
import { ReadModelChange } from '../runner/projection';
import { ProjectionStatus } from '../runner/projection-status';

/** What the projector thread is started with. */
export interface ProjectorSettings {
  /** Directory of the read-model files. */
  readModelsDir: string;
  /** The event log: EventStoreDB when set, else this SQLite file. */
  connectionString?: string;
  eventsFile: string;
  /** Snapshot read models every this many positions (as-of answers start from them). */
  snapshotEvery?: number;
  /** The levels the API logs at (LOG_LEVEL). */
  logLevels: LogLevel[];
}

/** Where the read side stands, sent after every batch (at most once per turn). */
export interface ProjectorState {
  type: 'state';
  status: ProjectionStatus[];
  /** The file each read model is served from now. */
  servingFiles: Record<string, string>;
  caughtUp: boolean;
  error?: string;
}

export type FromProjector =
  | ProjectorState
  | { type: 'changes'; changes: ReadModelChange[] }
  | { type: 'stopped' }
  | { type: 'failed'; error: string };

export type ToProjector = { type: 'listen'; on: boolean } | { type: 'retry'; name: string } | { type: 'stop' };
