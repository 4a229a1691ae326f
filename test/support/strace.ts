import { ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exited } from './run-ts';

const ROOT = join(__dirname, '..', '..');

/** The system calls durability tests look at: syncs, and reads and writes on files, pipes and sockets. */
const TRACED = ['fsync', 'fdatasync', 'read', 'readv', 'recvfrom', 'recvmsg', 'write', 'writev', 'sendto', 'sendmsg'];

/**
 * Durability tests observe the real process from the outside with strace, so its absence is a
 * failure with a remedy, never a skip: a skipped durability test looks exactly like a passing one.
 */
export function assertStraceWorks(): void {
  const probe = spawnSync('strace', ['-f', '-qq', '-e', 'trace=write', '-o', '/dev/null', '--', 'true'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    const why = probe.error ? `${(probe.error as NodeJS.ErrnoException).code}: strace is not installed` : probe.stderr.trim();
    throw new Error(
      `strace is needed to watch the server fsync before it acknowledges (${why}); ` +
        'install it with `apt-get install -y strace` (.ci/run does) and run as a user allowed to ptrace its children',
    );
  }
}

export interface TracedProcess {
  child: ChildProcessWithoutNullStreams;
  /** The traced process itself (the child is strace). */
  pid(): number;
  /** Stops the traced process and waits until strace has written everything. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** The trace so far, parsed. */
  syscalls(): Syscall[];
}

/** Runs a TypeScript file of this repo (as run-ts does) under `strace -f`, the trace going to `traceFile`. */
export function runTsTraced(script: string, args: string[], env: NodeJS.ProcessEnv, traceFile: string): TracedProcess {
  const child = spawn(
    'strace',
    ['-f', '-qq', '-tt', '-yy', '-s', '64', '--seccomp-bpf', '-e', `trace=${TRACED.join(',')}`, '-o', traceFile, '--',
      process.execPath, '-r', '@swc-node/register', join(ROOT, script), ...args],
    { cwd: ROOT, env: { ...process.env, ...env, SWC_NODE_PROJECT: join(ROOT, 'tsconfig.json') } },
  );
  const pid = () => {
    const children = readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim().split(/\s+/);
    return Number(children[0]);
  };
  return {
    child,
    pid,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(pid(), signal);
        } catch {
          child.kill('SIGKILL');
        }
      }
      await exited(child);
    },
    syscalls: () => parseStrace(readFileSync(traceFile, 'utf8')),
  };
}

/** One system call as strace saw it; `entry` and `exit` are line numbers, so they order calls of all threads. */
export interface Syscall {
  pid: number;
  name: string;
  /** The first argument when it is a descriptor, else -1. */
  fd: number;
  /** What the first argument's descriptor pointed at (`-yy`): a path, `TCP:[a:p->b:q]`, `pipe:[n]`, … */
  target: string;
  /** The rest of the arguments as printed, with the buffers' first bytes. */
  args: string;
  result: number;
  entry: number;
  exit: number;
}

const WHOLE = /^(\d+)\s+\S+\s+(\w+)\((.*)\)\s+=\s+(-?\d+)/;
const UNFINISHED = /^(\d+)\s+\S+\s+(\w+)\((.*) <unfinished \.\.\.>$/;
const RESUMED = /^(\d+)\s+\S+\s+<\.\.\. (\w+) resumed>(.*)\)\s+=\s+(-?\d+)/;
const FIRST_FD = /^(\d+)<(.*?)>(?=,|$)/;

/**
 * Reads `strace -f -tt -yy` output: a call interrupted by another thread is printed as
 * `<unfinished ...>` and finished later by `<... name resumed>`, and the two halves are joined here.
 */
export function parseStrace(text: string): Syscall[] {
  const calls: Syscall[] = [];
  const pending = new Map<string, { name: string; args: string; entry: number }>();
  const build = (pid: number, name: string, args: string, result: number, entry: number, exit: number): Syscall => {
    const fd = FIRST_FD.exec(args);
    return { pid, name, fd: fd ? Number(fd[1]) : -1, target: fd ? fd[2] : '', args: fd ? args.slice(fd[0].length) : args, result, entry, exit };
  };
  text.split('\n').forEach((line, index) => {
    let match = WHOLE.exec(line);
    if (match) {
      calls.push(build(Number(match[1]), match[2], match[3], Number(match[4]), index, index));
      return;
    }
    match = UNFINISHED.exec(line);
    if (match) {
      pending.set(`${match[1]}/${match[2]}`, { name: match[2], args: match[3], entry: index });
      return;
    }
    match = RESUMED.exec(line);
    if (match) {
      const started = pending.get(`${match[1]}/${match[2]}`);
      if (!started) return;
      pending.delete(`${match[1]}/${match[2]}`);
      calls.push(build(Number(match[1]), match[2], started.args + match[3], Number(match[4]), started.entry, index));
    }
  });
  return calls.sort((a, b) => a.entry - b.entry);
}

export const isSync = (call: Syscall) => call.name === 'fsync' || call.name === 'fdatasync';
export const isRead = (call: Syscall) => ['read', 'readv', 'recvfrom', 'recvmsg'].includes(call.name);
export const isWrite = (call: Syscall) => ['write', 'writev', 'sendto', 'sendmsg'].includes(call.name);

/** Successful fsync/fdatasync calls on a file whose path ends with `suffix`. */
export function syncsOf(calls: Syscall[], suffix: string): Syscall[] {
  return calls.filter((call) => isSync(call) && call.result === 0 && call.target.endsWith(suffix));
}

/** The last of `syncs` to finish before `before` started, if any. */
export function lastSyncBefore(syncs: Syscall[], before: Syscall): Syscall | undefined {
  return syncs.filter((sync) => sync.exit < before.entry).sort((a, b) => a.exit - b.exit).at(-1);
}
