/**
 * The c2g API in a process of its own, for the mixed and as-of scenarios: configured from the
 * environment exactly as `main.ts` is (C2G_DATA_DIR, C2G_ADMIN_KEY, C2G_PROJECTOR, …), listens on
 * a free port of 127.0.0.1 and prints one line `{"url": …, "projector": …}`; SIGTERM closes it (Nest's shutdown hooks).
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
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
  if (process.env.C2G_BENCH_PROFILE) profileOnStdin(process.env.C2G_BENCH_PROFILE);
}

/** For test/bench/profile-http.ts: a line "start" on stdin starts a CPU profile of this (main) thread, "stop" writes it to `file`. */
function profileOnStdin(file: string): void {
  const session = new Session();
  session.connect();
  process.stdin.setEncoding('utf8').on('data', (text: string) => {
    if (text.includes('start')) session.post('Profiler.enable', () => session.post('Profiler.start', () => process.stdout.write('{"profiling":true}\n')));
    if (text.includes('stop'))
      session.post('Profiler.stop', (error, result) => {
        if (!error) writeFileSync(file, JSON.stringify(result.profile));
        process.stdout.write('{"profiled":true}\n');
      });
  });
}

main().catch((error) => {
  process.stderr.write(`bench server could not start: ${(error as Error).message}\n`);
  process.exit(1);
});
