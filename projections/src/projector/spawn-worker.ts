import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * Starts a worker thread from a module next to the caller: the built `.js` in production,
 * the `.ts` source compiled on the fly (as the main thread is) when running from source.
 */
export function spawnWorker(dir: string, module: string, callerFile: string, workerData: unknown): Worker {
  const typescript = callerFile.endsWith('.ts');
  return new Worker(join(dir, `${module}.${typescript ? 'ts' : 'js'}`), {
    workerData,
    // --cpu-prof is passed on so that `node --cpu-prof` profiles the workers too (test/bench/profile-http.ts).
    execArgv: [...(typescript ? ['-r', '@swc-node/register'] : []), ...process.execArgv.filter((arg) => arg.startsWith('--cpu-prof'))],
    env: typescript ? { ...process.env, SWC_NODE_PROJECT: process.env.SWC_NODE_PROJECT ?? join(__dirname, '..', '..', '..', 'tsconfig.json') } : process.env,
  });
}
