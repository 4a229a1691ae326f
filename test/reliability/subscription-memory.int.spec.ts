import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { makeTempDir } from '../support/temp-dir';

const ROOT = join(__dirname, '..', '..');

/**
 * A live subscription waits once per burst of appends, for the life of the server: each
 * wait must leave nothing behind once it is over. (Each used to leave a promise reaction
 * on a never-settling promise: about 415 bytes a wake-up, 7 MB over these 18,000.)
 */
describe('a long-lived subscription woken again and again', () => {
  it('keeps its memory flat', async () => {
    const temp = makeTempDir();
    try {
      const child = spawn(process.execPath, ['--expose-gc', '-r', '@swc-node/register', 'test/support/subscription-wakeups.ts', temp.dir, '20000', '2000'], {
        cwd: ROOT,
        env: { ...process.env, SWC_NODE_PROJECT: join(ROOT, 'tsconfig.json') },
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect({ code, output }).toEqual({ code: 0, output: expect.stringMatching(/^\{.*\}\n$/) });
      const { atWarmup, atEnd } = JSON.parse(output) as { atWarmup: number; atEnd: number };
      // 18,000 wake-ups after the warm-up: under 1 MB of growth, i.e. under ~55 bytes each.
      expect(atEnd - atWarmup).toBeLessThan(1_000_000);
    } finally {
      temp.remove();
    }
  }, 120_000);
});
