import { Global, Inject, Injectable, Module, OnApplicationShutdown, DynamicModule } from '@nestjs/common';
import { MetricsController } from './metrics.controller';
import { Metrics } from './metrics';

const TRACING = Symbol('TRACING');

@Injectable()
class TracingLifecycle implements OnApplicationShutdown {
  constructor(@Inject(TRACING) private readonly tracing: { stop(): Promise<void> } | undefined) {}

  async onApplicationShutdown(): Promise<void> {
    await this.tracing?.stop();
  }
}

/** GET /metrics, the metrics every part of the API records, and the tracer's lifetime. */
@Global()
@Module({})
export class ObservabilityModule {
  static withTracing(tracing: { stop(): Promise<void> } | undefined): DynamicModule {
    return {
      module: ObservabilityModule,
      controllers: [MetricsController],
      providers: [Metrics, { provide: TRACING, useValue: tracing }, TracingLifecycle],
      exports: [Metrics],
    };
  }
}
