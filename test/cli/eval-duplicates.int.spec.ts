import { join } from 'node:path';
import { runCli } from '../support/run-cli';

describe('npm run eval:duplicates', () => {
  it('meets precision and recall of 0.9 on the labelled dev set, ending with a JSON line', async () => {
    const { code, stdout } = await runCli(['eval-duplicates', join(__dirname, '..', '..', '..', 'shared', 'fixtures', 'duplicates-dev.json')]);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^need-plan\s+precision/);
    const overall = JSON.parse(lines[lines.length - 1]);
    expect(overall.precision).toBeGreaterThanOrEqual(0.9);
    expect(overall.recall).toBeGreaterThanOrEqual(0.9);
  }, 60_000);

  it('refuses a file of another format', async () => {
    const { code, stderr } = await runCli(['eval-duplicates', join(__dirname, '..', '..', 'package.json')]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/not a c2g-duplicates\/1 file/);
  }, 30_000);
});
