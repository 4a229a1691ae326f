import { Command } from 'commander';
import { dataDirOf, StoreOptions } from '../cli-context';
import { demoRequests } from '../demo/demo-dataset';
import { loadDemo, SendCommand } from '../demo/load-demo';
import { withInProcessApi } from '../in-process-api';

interface DemoOptions extends StoreOptions {
  url?: string;
  key?: string;
}

/**
 * `c2g demo`: loads the demo program through the real command path — in process on the
 * embedded store, or over HTTP against a running server with --url and a service --key.
 */
export function demoCommand(): Command {
  return new Command('demo')
    .description('load a realistic demo program (25 pairings, needs, pledges, plans) through the command API')
    .option('--data-dir <dir>', 'data directory (default: $C2G_DATA_DIR or ./data)')
    .option('--url <url>', 'send to a running server instead, e.g. http://127.0.0.1:3000')
    .option('--key <key>', 'a service API key (with --url)')
    .action(async (options: DemoOptions) => {
      const requests = demoRequests();
      const progress = (done: number) => {
        if (process.stderr.isTTY) process.stderr.write(`\rdemo: ${done}/${requests.length} commands`);
      };
      const outcome = options.url ? await overHttp(options, requests, progress) : await inProcess(options, requests, progress);
      if (process.stderr.isTTY) process.stderr.write('\n');
      process.stdout.write(
        outcome.alreadyLoaded
          ? "demo already loaded: the program is unchanged (only the loader's key was issued and revoked)\n"
          : `demo loaded: ${requests.length} commands, log position ${outcome.position}${options.url ? '' : `, dated ${requests[0].at.slice(0, 10)} to ${requests[requests.length - 1].at.slice(0, 10)}`}\n`,
      );
    });
}

async function overHttp(options: DemoOptions, requests: ReturnType<typeof demoRequests>, progress: (n: number) => void) {
  if (!options.key) throw new Error('--url needs --key <service key>');
  // Over HTTP no key can back-date a command: the server stamps today's date.
  process.stderr.write('demo: over --url every event carries the server\'s time, not the demo\'s dates (load in process for a dated history)\n');
  const base = options.url!.replace(/\/$/, '');
  const send: SendCommand = async (request, idempotencyKey) => {
    const response = await fetch(`${base}${request.url}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${options.key}`, 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
      body: JSON.stringify(request.body ?? {}),
    });
    return { status: response.status, body: await response.text() };
  };
  return loadDemo(requests, send, progress);
}

/** In process, each command is stamped with the date the program would have sent it (request.at). */
async function inProcess(options: DemoOptions, requests: ReturnType<typeof demoRequests>, progress: (n: number) => void) {
  let now = new Date();
  return withInProcessApi(
    dataDirOf(options),
    { service: 'demo-loader' },
    (send) =>
      loadDemo(
        requests,
        (request, idempotencyKey) => {
          now = new Date(request.at);
          return send('service')('POST', request.url, request.body, { 'idempotency-key': idempotencyKey });
        },
        progress,
      ),
    { clock: () => now },
  );
}
