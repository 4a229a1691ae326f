import { ChildProcessWithoutNullStreams } from 'node:child_process';
import { exited, runTs } from './run-ts';

export interface ApiProcess {
  url: string;
  child: ChildProcessWithoutNullStreams;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  stop(): Promise<void>;
}

/** The API as `npm start` runs it, in its own process on a free port; resolves once it prints its URL. */
export async function startApiProcess(env: NodeJS.ProcessEnv): Promise<ApiProcess> {
  const child = runTs('apps/api/src/main.ts', [], { PORT: '0', NO_COLOR: '1', ...env });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('exit', () => reject(new Error(`server exited early: ${output}`)));
  });
  return {
    url,
    child,
    output: () => output,
    async stop() {
      child.kill('SIGTERM');
      await exited(child);
    },
  };
}
