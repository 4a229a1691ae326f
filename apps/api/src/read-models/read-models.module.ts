import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AsOfBuilds, ReadSide } from '@c2g/projections';
import { ProjectionsController } from './projections.controller';

import { AS_OF_BUILDS, PROJECTION_RUNNER } from './projection-runner.token';

const READ_MODELS_LOCK = Symbol('READ_MODELS_LOCK');

@Injectable()
class RunnerLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(PROJECTION_RUNNER) private readonly runner: ReadSide,
    @Inject(AS_OF_BUILDS) private readonly asOf: AsOfBuilds,
    @Inject(READ_MODELS_LOCK) private readonly lock: { release(): void },
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.runner.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner.stop();
    this.asOf.close();
    this.lock.release();
  }
}

/** The projection runner: started with the app, stopped (checkpoints safe) with it. */
@Global()
@Module({})
export class ReadModelsModule {
  static withRunner(runner: ReadSide, asOf: AsOfBuilds, lock: { release(): void }): DynamicModule {
    return {
      module: ReadModelsModule,
      controllers: [ProjectionsController],
      providers: [
        { provide: PROJECTION_RUNNER, useValue: runner },
        { provide: AS_OF_BUILDS, useValue: asOf },
        { provide: READ_MODELS_LOCK, useValue: lock },
        RunnerLifecycle,
      ],
      exports: [PROJECTION_RUNNER, AS_OF_BUILDS],
    };
  }
}
