import { join } from 'node:path';
import { runCli } from '../support/run-cli';

const DEV_SET = join(__dirname, '..', '..', '..', 'shared', 'fixtures', 'duplicates-dev.json');
/**
 * Wordings no lexicon here knows (an olive press, in English and Hebrew), five variants in five
 * communities, each variant a wording group of its own; and one pair per community the concept
 * layer does know. Only reviewers' decisions can teach the detector the olive-press pairs.
 */
const UNKNOWN_WORDINGS = join(__dirname, 'fixtures', 'duplicates-unknown-wordings.json');
const lastJson = (stdout: string) => JSON.parse(stdout.trim().split('\n').at(-1)!);

describe('npm run eval:duplicates', () => {
  it('scores precision and recall 1.000 on the labelled dev set (the README\'s figure; the target is 0.95), per kind, language pair and sector, ending with a JSON line', async () => {
    const { code, stdout } = await runCli(['eval-duplicates', DEV_SET]);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^overall\s+precision/);
    for (const row of ['kind need-plan', 'kind need-need', 'languages en–en', 'languages he–he', 'languages en–he', 'sector housing']) {
      expect(lines.some((line) => line.startsWith(`${row} `))).toBe(true);
    }
    expect(lastJson(stdout)).toMatchObject({ precision: 1, recall: 1 });
  }, 60_000);

  it('scores the same on the dev set in every one of 5 folds', async () => {
    const { code, stdout } = await runCli(['eval-duplicates', DEV_SET, '--folds', '5']);
    expect(code).toBe(0);
    const folds = stdout.split('\n').filter((line) => /^fold \d\/5 /.test(line));
    expect(folds).toHaveLength(5);
    expect(folds.every((line) => /precision 1\.000\s+recall 1\.000/.test(line))).toBe(true);
    expect(lastJson(stdout)).toEqual({ folds: 5, precision: 1, recall: 1, f1: 1 });
  }, 90_000);

  it('lists each miss with the detector\'s reasons, naming the items only with --ids', async () => {
    const { code, stdout } = await runCli(['eval-duplicates', UNKNOWN_WORDINGS, '--ids']);
    expect(code).toBe(0);
    const misses = stdout.split('\n').filter((line) => line.startsWith('miss '));
    expect(misses).toContain(
      'miss need-plan en–he employment [olive-en-1 / olive-plan-1]: "Repair the olive press" / "שיקום בית הבד" — same community: Alumim; ' +
        'same sector: employment; windows overlap 2025-01-01..2025-12-31; title similarity 0.09; budget within 3%',
    );
    expect(lastJson(stdout)).toMatchObject({ precision: 1, recall: 0.5 });
  }, 30_000);

  it('--feedback 0.2: a reviewer resolving a fifth of the pairs through the API raises recall over the rest', async () => {
    const { code, stdout } = await runCli(['eval-duplicates', UNKNOWN_WORDINGS, '--feedback', '0.2']);
    expect(code).toBe(0);
    const result = lastJson(stdout);
    expect(result.decisions).toBe(4);
    expect(result.before).toMatchObject({ precision: 1, recall: 0.5 });
    expect(result.after).toEqual({ precision: 1, recall: 1, f1: 1 });
    const misses = stdout.split('\n').filter((line) => line.startsWith('miss '));
    expect(misses.length).toBeGreaterThan(0);
    expect(misses.some((line) => /olive-|\[/.test(line))).toBe(false);
  }, 30_000);

  it('--folds K measures each fold on wordings the reviewed folds never had, and averages', async () => {
    const { code, stdout } = await runCli(['eval-duplicates', UNKNOWN_WORDINGS, '--folds', '2']);
    expect(code).toBe(0);
    expect(stdout.split('\n').filter((line) => /^fold \d\/2 /.test(line))).toHaveLength(2);
    expect(lastJson(stdout)).toEqual({ folds: 2, precision: 1, recall: 1, f1: 1 });
  }, 30_000);

  it('refuses a file of another format, a fold count below 2, and folds with feedback', async () => {
    const { code, stderr } = await runCli(['eval-duplicates', join(__dirname, '..', '..', 'package.json')]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/not a c2g-duplicates\/1 file/);
    const folds = await runCli(['eval-duplicates', UNKNOWN_WORDINGS, '--folds', '1']);
    expect([folds.code, folds.stderr]).toEqual([1, expect.stringContaining('--folds takes a whole number from 2 to 20')]);
    const both = await runCli(['eval-duplicates', UNKNOWN_WORDINGS, '--folds', '2', '--feedback', '0.2']);
    expect([both.code, both.stderr]).toEqual([2, expect.stringContaining('--folds and --feedback are separate measurements')]);
  }, 30_000);
});
