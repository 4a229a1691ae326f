import { NestFactory, Reflector } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';
import { bootstrapAdminKey } from './auth/bootstrap-admin-key';
import { AppConfig } from './config/app-config';
import { C2gLogger } from './config/c2g-logger';
import { startupEventMetadata } from './commands/event-metadata';
import { mountConsole } from './console/mount-console';
import { AllExceptionsFilter } from './errors/all-exceptions.filter';
import { mountOpenApi } from './openapi';
import { registerHttpTelemetry } from './observability/http-telemetry';
import { Metrics } from './observability/metrics';
import { closeResources, openResources } from './open-resources';
import { registerHelmet } from './security/register-helmet';
import { BodyDepthPipe } from './validation/body-depth.pipe';
import { drainRefusedBodies } from './validation/drain-refused-body';
import { MediaTypeInterceptor, registerBodyParsers } from './validation/media-types';
import { createValidationPipe } from './validation/validation-pipe';

export interface CreatedApp {
  app: NestFastifyApplication;
  /** Set only on the first start without C2G_ADMIN_KEY: print it once, it is not stored. */
  generatedAdminKey?: string;
}

/**
 * Builds the configured Nest app on Fastify; main.ts and the e2e tests share it.
 * `bootstrapAdmin: false` (the CLI's in-process API) leaves the first admin key to the first
 * server start, which prints it: made here, it would be in the log and shown to nobody.
 */
export async function createApp(config: AppConfig, { bootstrapAdmin = true }: { bootstrapAdmin?: boolean } = {}): Promise<CreatedApp> {
  const resources = await openResources(config);
  try {
    const { generatedKey } = bootstrapAdmin
      ? await bootstrapAdminKey(resources.apiKeys, config.adminKey, startupEventMetadata('first-admin-key', new Date().toISOString()))
      : (config.adminKey && resources.apiKeys.useConfiguredAdminKey(config.adminKey), {});
    const app = await NestFactory.create<NestFastifyApplication>(
      AppModule.forRoot(config, resources),
      new FastifyAdapter({ bodyLimit: config.bodyLimitBytes }),
      { logger: new C2gLogger(config.logLevels, config.logFormat), abortOnError: false },
    );
    app.useGlobalFilters(new AllExceptionsFilter({ bodyLimitBytes: config.bodyLimitBytes }));
    app.useGlobalPipes(new BodyDepthPipe(), createValidationPipe());
    app.useGlobalInterceptors(new MediaTypeInterceptor(app.get(Reflector)));
    app.enableShutdownHooks();
    registerHttpTelemetry(app, app.get(Metrics));
    await registerHelmet(app);
    registerBodyParsers(app, config.bodyLimitBytes);
    drainRefusedBodies(app, { maxBytes: 16 * config.bodyLimitBytes, maxMs: 30_000 });
    mountOpenApi(app, config.programTerms.sectors);
    await mountConsole(app, config.consoleDir);
    return { app, generatedAdminKey: generatedKey };
  } catch (error) {
    await closeResources(resources);
    throw error;
  }
}
