/**
 * The c2g API in a process of its own, for the mixed and as-of scenarios: configured from the
 * environment exactly as `main.ts` is (C2G_DATA_DIR, C2G_ADMIN_KEY, C2G_PROJECTOR, …), listens on
 * a free port of 127.0.0.1 and prints one line `{"url": …, "projector": …}`; SIGTERM closes it (Nest's shutdown hooks).
 */
import 'reflect-metadata';
import { loadAppConfig } from '../../apps/api/src/config/app-config';
import { createApp } from '../../apps/api/src/create-app';

async function main(): Promise<void> {
  const config = loadAppConfig({ LOG_LEVEL: 'error', ...process.env });
  const { app } = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1').replace('localhost', '127.0.0.1');
  // Where projections ran and how as-of was configured, for the bench's report.
  const { projector, snapshotEvery, asOfConcurrency } = config as typeof config & { snapshotEvery?: number; asOfConcurrency?: number };
  process.stdout.write(`${JSON.stringify({ url, projector, snapshotEvery, asOfConcurrency })}\n`);
}

main().catch((error) => {
  process.stderr.write(`bench server could not start: ${(error as Error).message}\n`);
  process.exit(1);
});
