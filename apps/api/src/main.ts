import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, loadAppConfig } from './config/app-config';
import { createApp } from './create-app';
import { withoutCredentials } from './event-store/open-event-store';

async function main(): Promise<void> {
  const config = loadAppConfig();
  const { app, generatedAdminKey } = await createApp(config);
  await app.listen(config.port, config.host);
  const url = (await app.getUrl()).replace('[::1]', 'localhost');
  const logger = new Logger('c2g');
  const events = config.eventStoreConnectionString ? `events in EventStoreDB at ${withoutCredentials(config.eventStoreConnectionString)}, ` : '';
  logger.log(`c2g API listening on ${url} (${events}data in ${config.dataDir})`);
  logger.log(`API documentation: ${url}/docs`);
  if (generatedAdminKey) {
    // Printed straight to stdout, once, never through the logger: it is a secret.
    process.stdout.write(
      `\nAdmin API key (shown once, stored only as a hash):\n  ${generatedAdminKey}\n` +
        `Create a key for each role with it, e.g.:\n` +
        `  curl -X POST ${url}/admin/api-keys -H 'Authorization: Bearer ${generatedAdminKey}' ` +
        `-H 'content-type: application/json' -d '{"role":"service","label":"my-service"}'\n\n`,
    );
  } else {
    logger.log('API keys: use your admin key (C2G_ADMIN_KEY or the one printed at first start) with POST /admin/api-keys');
  }
}

main().catch((error: Error) => {
  const known = error instanceof ConfigError || error.name === 'StoreOpenError';
  process.stderr.write(`c2g could not start: ${known ? error.message : `${error.name}: ${error.message}`}\n`);
  process.exit(1);
});
