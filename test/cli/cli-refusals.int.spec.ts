import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteEventStore } from '@c2g/event-store';
import { c2gInProcess } from '../support/cli-in-process';
import { runCli } from '../support/run-cli';
import { makeTempDir } from '../support/temp-dir';

const c2g = c2gInProcess;

/** The CLI never silently does the wrong thing: a typo or an impossible input is an error, exit 2. */
describe('c2g refuses what it cannot answer truthfully', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeAll(async () => {
    temp = makeTempDir();
    const store = new SqliteEventStore({ file: join(temp.dir, 'events.sqlite') });
    await store.append('need-mattresses', [{ type: 'NeedRecorded', data: { title: 'mattresses' } }]);
    await store.close();
  });
  afterAll(() => temp.remove());

  it('prints its version', async () => {
    const version = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')).version as string;
    expect(await c2g(['--version'])).toEqual({ stdout: `${version}\n`, error: version }); // commander's exitOverride throws after printing
  });

  it('exits 2 naming the path when a read-only command is pointed at a directory with no store, and creates nothing', async () => {
    const typo = join(temp.dir, 'typo');
    const result = await runCli(['status', '--data-dir', typo]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`c2g: no event log at ${join(typo, 'events.sqlite')}: give the data directory of a c2g server with --data-dir or C2G_DATA_DIR (nothing was created)\n`);
    expect(existsSync(typo)).toBe(false);
    for (const args of [['verify'], ['replay'], ['streams', 'need-mattresses'], ['events'], ['as-of', '1'], ['export', 'needs', '--format', 'csv']]) {
      expect([args[0], (await c2g([...args, '--data-dir', typo])).error]).toEqual([args[0], expect.stringMatching(/^no event log at /)]);
    }
    expect(existsSync(typo)).toBe(false);
  }, 30_000);

  it('refuses an unknown stream id, and prints a known one', async () => {
    expect((await c2g(['streams', 'need-blankets', '--data-dir', temp.dir])).error).toBe(
      'no stream need-blankets in the log (stream ids look like pairing-kfar-aza-boston, need-…, community-…)',
    );
    expect(JSON.parse((await c2g(['streams', 'need-mattresses', '--data-dir', temp.dir])).stdout)).toMatchObject({ type: 'NeedRecorded', revision: 0 });
  });

  it('refuses impossible dates and positions instead of answering nothing', async () => {
    expect((await c2g(['as-of', '2024-02-30', '--data-dir', temp.dir])).error).toMatch(/^the point "2024-02-30" is not a date: give YYYY-MM-DD \(a real calendar date\)/);
    expect((await c2g(['events', '--from', 'yesterday', '--data-dir', temp.dir])).error).toMatch(/^--from "yesterday" is not a date/);
    expect((await c2g(['events', '--to', '2025-13-01', '--data-dir', temp.dir])).error).toMatch(/^--to "2025-13-01" is not a date/);
    expect((await c2g(['events', '--from-position', 'ten', '--data-dir', temp.dir])).error).toMatch(/^--from-position "ten" is not a log position/);
    expect((await c2g(['events', '--from', '2024-02-29', '--data-dir', temp.dir])).error).toBeUndefined();
    expect((await c2g(['events', '--from', '2024-02-29T10:00:00+02:00', '--data-dir', temp.dir])).error).toBeUndefined();
  });

  it('prints the import report as JSON for a script with --json', async () => {
    const file = join(temp.dir, 'plans.csv');
    writeFileSync(file, 'source,authority,externalRef,title,sector,regionalCouncil,from,to,budget,currency\ntekuma,Tekuma Authority,TKM-1,Shelters,security,Eshkol,2025-01-01,2025-12-31,1000,ILS\n');
    const { stdout, error } = await c2g(['import', 'plans', file, '--json', '--data-dir', join(temp.dir, 'imported')]);
    expect(error).toBeUndefined();
    expect(JSON.parse(stdout)).toMatchObject({ rows: [{ row: 2, externalRef: 'TKM-1', outcome: 'registered' }], summary: { registered: 1, rejected: 0 } });
  }, 30_000);
});
