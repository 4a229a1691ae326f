import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { ReadSide } from '@c2g/projections';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { PROJECTION_RUNNER } from '../read-models/projection-runner.token';

/**
 * Read-your-writes: a client that got `position` from a command passes it as ?minPosition=
 * and the query waits (bounded) until the read models it uses reflect that position.
 */
@Injectable()
export class ReadModelGate {
  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: ReadSide,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async await(readModels: string[], minPosition: bigint | undefined): Promise<void> {
    if (minPosition === undefined) return;
    if (await this.runner.waitFor(readModels, minPosition, this.config.readWaitMs)) return;
    throw new ServiceUnavailableException({
      code: 'read-model-lagging',
      message: `the read model has not reached position ${minPosition} within ${this.config.readWaitMs} ms; retry shortly`,
      details: { readModels: readModels.map((name) => ({ name, position: this.runner.position(name).toString() })) },
    });
  }

  /** The position an answer built from these read models reflects (the least advanced). */
  position(readModels: string[]): string {
    return readModels.map((name) => this.runner.position(name)).reduce((a, b) => (b < a ? b : a)).toString();
  }
}
