import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, loadAppConfig } from './config/app-config';
import { createApp } from './create-app';

async function main(): Promise<void> {
  const config = loadAppConfig();
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  const url = await app.getUrl();
  const logger = new Logger('c2g');
  logger.log(`c2g API listening on ${url.replace('[::1]', 'localhost')} (data in ${config.dataDir})`);
  logger.log(`try: curl ${url}/health`);
}

main().catch((error: Error) => {
  const known = error instanceof ConfigError || error.name === 'StoreOpenError';
  process.stderr.write(`c2g could not start: ${known ? error.message : `${error.name}: ${error.message}`}\n`);
  process.exit(1);
});
