import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { ConfigError, loadAppConfig } from './config/app-config';
import { createApp } from './create-app';
import { withoutCredentials } from './event-store/open-event-store';

async function main(): Promise<void> {
  const config = loadAppConfig();
  const { app, generatedAdminKey } = await createApp(config);
  await app.init();
  // Fastify's own listen, not Nest's: Nest logs a failed listen itself, and the one line below says it better.
  try {
    await app.getHttpAdapter().getInstance().listen({ port: config.port, host: config.host });
  } catch (error) {
    await app.close().catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code;
    const problem =
      code === 'EADDRINUSE'
        ? `port ${config.port} on ${config.host} is already in use; set PORT to a free port (PORT=0 picks one)`
        : code === 'EACCES'
          ? `no permission to listen on port ${config.port} on ${config.host}; set PORT to a port above 1023`
          : `cannot listen on ${config.host}:${config.port}: ${(error as Error).message}`;
    // The key is stored (hashed) already: it is printed now or never.
    if (generatedAdminKey) process.stdout.write(`\n${adminKeyNotice(generatedAdminKey, `http://${config.host}:PORT`)}\n`);
    throw new ListenError(problem);
  }
  const address = app.getHttpAdapter().getInstance().server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host === '[::1]' ? 'localhost' : host}:${address.port}`;
  const logger = new Logger('c2g');
  const events = config.eventStoreConnectionString ? `events in EventStoreDB at ${withoutCredentials(config.eventStoreConnectionString)}, ` : '';
  logger.log(`c2g API listening on ${url} (${events}data in ${config.dataDir})`);
  logger.log(`API documentation: ${url}/docs (OpenAPI JSON: ${url}/docs-json)`);
  logger.log(`Console: ${url}/console/ (paste an API key)`);
  if (generatedAdminKey) {
    // Printed straight to stdout, once, never through the logger: it is a secret.
    process.stdout.write(`\n${adminKeyNotice(generatedAdminKey, url)}\n`);
  } else {
    logger.log('API keys: use your admin key (C2G_ADMIN_KEY or the one printed at first start) with POST /admin/api-keys');
  }
}

function adminKeyNotice(key: string, url: string): string {
  return (
    `Admin API key (shown once, stored only as a hash):\n  ${key}\n` +
    `Create a key for each role with it, e.g.:\n` +
    `  curl -X POST ${url}/admin/api-keys -H 'Authorization: Bearer ${key}' ` +
    `-H 'content-type: application/json' -d '{"role":"service","label":"my-service"}'\n`
  );
}

class ListenError extends Error {
  override name = 'ListenError';
}

main().catch((error: Error) => {
  const known = error instanceof ConfigError || error instanceof ListenError || error.name === 'StoreOpenError';
  process.stderr.write(`c2g could not start: ${known ? error.message : `${error.name}: ${error.message}`}\n`);
  process.exit(1);
});
