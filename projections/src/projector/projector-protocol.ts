import type { LogLevel } from '@nestjs/common';
import type { FinishedSpan, LogFormat, TracingSettings } from '@c2g/telemetry';
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
  /** JSON lines or text, as the API logs (LOG_FORMAT; decided by the API, whose stdout this is). */
  logFormat?: LogFormat;
  /** Where the thread's spans go: the API's exporter settings (OTEL_*); absent or `none`, no tracing. */
  tracing?: TracingSettings;
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
  /** Finished spans, posted only with the `memory` exporter (tests). */
  | { type: 'spans'; spans: FinishedSpan[] }
  | { type: 'failed'; error: string };

export type ToProjector = { type: 'listen'; on: boolean } | { type: 'retry'; name: string } | { type: 'stop' };
