import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ProjectionRunner } from '@c2g/projections';
import { ProjectionsController } from './projections.controller';

import { PROJECTION_RUNNER } from './projection-runner.token';

@Injectable()
class RunnerLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(@Inject(PROJECTION_RUNNER) private readonly runner: ProjectionRunner) {}

  onApplicationBootstrap(): void {
    this.runner.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner.stop();
  }
}

/** The projection runner: started with the app, stopped (checkpoints safe) with it. */
@Global()
@Module({})
export class ReadModelsModule {
  static withRunner(runner: ProjectionRunner): DynamicModule {
    return {
      module: ReadModelsModule,
      controllers: [ProjectionsController],
      providers: [{ provide: PROJECTION_RUNNER, useValue: runner }, RunnerLifecycle],
      exports: [PROJECTION_RUNNER],
    };
  }
}
