import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import type { Database } from 'better-sqlite3';
import type { Context } from '@opentelemetry/api';
import { EventStore } from '@c2g/event-store';
import { AsOfBuilds, AsOfBusyError, positionAt, ReadSide } from '@c2g/projections';
import { EVENT_STORE } from '../event-store/event-store.module';
import { AS_OF_BUILDS, PROJECTION_RUNNER } from '../read-models/projection-runner.token';
import { parseAsOf } from './as-of';
import { ReadModelGate } from './read-model-gate';

export interface ReadOptions {
  minPosition?: string;
  asOf?: string;
  /** The request's span (`@RequestTrace()`, tracing on): the parent of an as-of build's span. */
  trace?: Context;
}

/**
 * The one way queries reach read models: live (after waiting for ?minPosition=) or as of a
 * past position or date (built off the request thread from the nearest snapshots). Every
 * answer says its position.
 */
@Injectable()
export class ReadModels {
  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: ReadSide,
    @Inject(AS_OF_BUILDS) private readonly asOfBuilds: AsOfBuilds,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly gate: ReadModelGate,
  ) {}

  async read<T>(models: string[], options: ReadOptions, query: (db: (name: string) => Database) => T): Promise<T & { position: string }> {
    const asOf = parseAsOf(options.asOf);
    if (asOf) {
      // A date is the log up to the last event that occurred by then (the log-timeline index).
      const asked = 'position' in asOf ? asOf.position : positionAt(this.runner.database('log-timeline'), asOf.until);
      const head = await this.store.headPosition();
      const position = asked < head ? asked : head;
      try {
        return { ...(await this.asOfBuilds.query(models, position, query, options.trace)), position: position.toString() };
      } catch (error) {
        if (!(error instanceof AsOfBusyError)) throw error;
        throw new ServiceUnavailableException({ code: 'as-of-busy', message: `as-of answers are busy: ${error.message}` });
      }
    }
    await this.gate.await(models, options.minPosition === undefined ? undefined : BigInt(options.minPosition));
    return { ...query((name) => this.runner.database(name)), position: this.gate.position(models) };
  }
}
