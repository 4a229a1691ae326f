import { request } from 'node:http';
import { join } from 'node:path';
import { openSqliteDatabase } from '@c2g/event-store';
import { boston, kfarAza, kfarAzaBoston } from '../support/program-fixtures';
import { exited, onLines } from '../support/run-ts';
import { issueKey, SERVER_ADMIN_KEY } from '../support/server-process';
import { assertStraceWorks, isRead, isWrite, lastSyncBefore, runTsTraced, Syscall, syncsOf, TracedProcess } from '../support/strace';
import { makeTempDir } from '../support/temp-dir';

/**
 * "A command is acknowledged only after its events are committed with synchronous=FULL":
 * SIGKILL cannot tell an fsync'd commit from one that only reached the OS page cache, so these
 * tests watch the real process with strace instead. In WAL mode synchronous=FULL is exactly
 * "fsync the WAL on every commit" (NORMAL and OFF never sync on commit), so for every
 * acknowledgement there must be an fsync of events.sqlite-wal after the request was read and
 * before the answer was written. Commands go one at a time, each on its own connection, so
 * each answer is matched to its request by the client's port.
 */

const WAL = '/events.sqlite-wal';

interface Answer {
  status: number;
  body: Record<string, unknown>;
  clientPort: number;
}

/** POST on a fresh connection (no keep-alive), remembering the client's port to find the socket in the trace. */
function post(url: string, path: string, key: string, body: unknown): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const payload = JSON.stringify(body);
    let clientPort = -1;
    const req = request(new URL(path, url), {
      method: 'POST',
      agent: false,
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
    }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown>, clientPort }));
    });
    req.once('socket', (socket) => socket.once('connect', () => (clientPort = socket.localPort ?? -1)));
    req.on('error', reject);
    req.end(payload);
  });
}

async function startTracedServer(dataDir: string, traceFile: string): Promise<{ url: string; process: TracedProcess }> {
  const traced = runTsTraced('apps/api/src/main.ts', [], {
    PORT: '0',
    HOST: '127.0.0.1', // the trace names sockets TCP:[127.0.0.1:server->127.0.0.1:client]
    C2G_DATA_DIR: dataDir,
    C2G_ADMIN_KEY: SERVER_ADMIN_KEY,
    // The default configuration is what is promised: a value in the caller's environment must not change it.
    C2G_SQLITE_SYNCHRONOUS: undefined,
    NO_COLOR: '1',
  }, traceFile);
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]);
    };
    traced.child.stdout.on('data', collect);
    traced.child.stderr.on('data', collect);
    traced.child.once('exit', () => reject(new Error(`server under strace exited early: ${output}`)));
  });
  return { url, process: traced };
}

/** The twenty commands: two communities, their pairing (three streams), then pledges on that one pairing. */
function commands(): { path: string; body: unknown }[] {
  const pledges = Array.from({ length: 17 }, (_, i) => ({
    path: '/pairings/kfar-aza-boston/pledges',
    body: { id: `fsync-${i}`, year: 1 + (i % 3), amount: { amount: 1_000_000 + i, currency: 'USD' } },
  }));
  return [{ path: '/communities', body: kfarAza }, { path: '/communities', body: boston }, { path: '/pairings', body: kfarAzaBoston }, ...pledges];
}

/** What is wrong with one acknowledgement, or undefined when the WAL was synced between the request and the answer. */
function checkAcknowledgement(calls: Syscall[], walSyncs: Syscall[], serverPort: number, clientPort: number, label: string): string | undefined {
  const socket = (call: Syscall) => call.target.startsWith('TCP:[') && call.target.endsWith(`:${serverPort}->127.0.0.1:${clientPort}]`);
  const answer = calls.find((call) => socket(call) && isWrite(call) && call.args.includes('HTTP/1.1 2'));
  if (!answer) return `${label}: no 2xx answer written on the socket to client port ${clientPort} in the trace`;
  const request = calls.filter((call) => socket(call) && isRead(call) && call.result > 0 && call.exit < answer.entry).at(-1);
  if (!request) return `${label}: the request was never read from the socket before the answer`;
  const sync = lastSyncBefore(walSyncs, answer);
  if (!sync || sync.entry < request.exit) {
    return `${label}: answered (trace line ${answer.entry + 1}) with no fsync of events.sqlite-wal since its request was read ` +
      `(line ${request.exit + 1}); the last one was ${sync ? `at line ${sync.exit + 1}` : 'never'}`;
  }
  return undefined;
}

describe('durability: nothing is acknowledged before the write-ahead log is fsynced', () => {
  it('the API server fsyncs events.sqlite-wal between reading each command and answering it', async () => {
    assertStraceWorks();
    const temp = makeTempDir();
    const traceFile = join(temp.dir, 'server.strace');
    const server = await startTracedServer(join(temp.dir, 'data'), traceFile);
    const answers: { label: string; answer: Answer }[] = [];
    try {
      const key = await issueKey(server.url, 'service');
      for (const [n, command] of commands().entries()) {
        answers.push({ label: `command ${n + 1} (POST ${command.path})`, answer: await post(server.url, command.path, key, command.body) });
      }
    } finally {
      await server.process.stop();
    }
    try {
      expect(answers.filter(({ answer }) => answer.status !== 201).map(({ label, answer }) => `${label}: ${answer.status} ${JSON.stringify(answer.body)}`)).toEqual([]);
      const calls = server.process.syscalls();
      const walSyncs = syncsOf(calls, WAL);
      const serverPort = Number(new URL(server.url).port);
      const problems = answers
        .map(({ label, answer }) => checkAcknowledgement(calls, walSyncs, serverPort, answer.clientPort, label))
        .filter((problem) => problem !== undefined);
      expect({ walSyncs: walSyncs.length, problems }).toEqual({ walSyncs: expect.any(Number), problems: [] });
      expect(walSyncs.length).toBeGreaterThanOrEqual(answers.length);
    } finally {
      temp.remove();
    }
  }, 60_000);

  it('the store as the CLI and tools open it (no options) fsyncs the WAL before each append resolves', async () => {
    assertStraceWorks();
    const temp = makeTempDir();
    const traceFile = join(temp.dir, 'appender.strace');
    const appends = 20;
    const worker = runTsTraced('test/support/append-worker.ts', [join(temp.dir, 'events.sqlite'), 'fsync', String(appends), '1'], {}, traceFile);
    const acks: string[] = [];
    onLines(worker.child, (line) => line.startsWith('ack ') && acks.push(line));
    try {
      expect(await exited(worker.child)).toBe(0);
      expect(acks).toHaveLength(appends);
      // Appends go one after another: between two acknowledgements printed on stdout, one fsync of the WAL.
      const calls = worker.syscalls();
      const walSyncs = syncsOf(calls, WAL);
      const printed = calls.filter((call) => isWrite(call) && call.fd === 1 && /^, "(ready|ack )/.test(call.args));
      expect(printed.map((call) => call.args.slice(3, 6))).toEqual(['rea', ...Array(appends).fill('ack')]);
      const problems = printed.slice(1).flatMap((ack, i) => {
        const sync = lastSyncBefore(walSyncs, ack);
        return sync && sync.entry > printed[i].exit ? [] : [`append ${i + 1} acknowledged with no fsync of the WAL since the previous line`];
      });
      expect(problems).toEqual([]);
    } finally {
      await worker.stop('SIGKILL');
      temp.remove();
    }
  }, 60_000);

  it('the one SQLite opener defaults to synchronous=FULL (PRAGMA synchronous = 2)', () => {
    const temp = makeTempDir();
    try {
      const db = openSqliteDatabase(join(temp.dir, 'events.sqlite'));
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      db.close();
    } finally {
      temp.remove();
    }
  });
});
