import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';
import { AppConfig } from './config/app-config';
import { AllExceptionsFilter } from './errors/all-exceptions.filter';
import { openEventStore } from './event-store/open-event-store';

/** Builds the configured Nest app on Fastify; main.ts and the e2e tests share it. */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const store = openEventStore(config);
  try {
    const app = await NestFactory.create<NestFastifyApplication>(
      AppModule.forRoot(config, store),
      new FastifyAdapter({ bodyLimit: 1024 * 1024 }),
      { logger: config.logLevels, abortOnError: false },
    );
    app.useGlobalFilters(new AllExceptionsFilter());
    app.enableShutdownHooks();
    return app;
  } catch (error) {
    await store.close();
    throw error;
  }
}
