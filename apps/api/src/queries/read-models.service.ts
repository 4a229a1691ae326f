import { Inject, Injectable } from '@nestjs/common';
import type { Database } from 'better-sqlite3';
import { EventStore } from '@c2g/event-store';
import { allProjections, buildAsOf, ProjectionRunner } from '@c2g/projections';
import { EVENT_STORE } from '../event-store/event-store.module';
import { PROJECTION_RUNNER } from '../read-models/projection-runner.token';
import { parseAsOf } from './as-of';
import { ReadModelGate } from './read-model-gate';

export interface ReadOptions {
  minPosition?: string;
  asOf?: string;
}

/**
 * The one way queries reach read models: live (after waiting for ?minPosition=) or as of a
 * past position or date (replayed into scratch databases). Every answer says its position.
 */
@Injectable()
export class ReadModels {
  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly gate: ReadModelGate,
  ) {}

  async read<T>(models: string[], options: ReadOptions, query: (db: (name: string) => Database) => T): Promise<T & { position: string }> {
    const asOf = parseAsOf(options.asOf);
    if (asOf) {
      const build = await buildAsOf(this.store, allProjections().filter((p) => models.includes(p.name)), asOf);
      try {
        return { ...query((name) => build.databases.get(name)!), position: build.position.toString() };
      } finally {
        build.close();
      }
    }
    await this.gate.await(models, options.minPosition === undefined ? undefined : BigInt(options.minPosition));
    return { ...query((name) => this.runner.database(name)), position: this.gate.position(models) };
  }
}
