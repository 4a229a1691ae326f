import { XMLParser } from 'fast-xml-parser';
import { parse } from 'csv-parse/sync';
import { EXPORTABLE } from '../../apps/cli/src/export/export-rows';
import { runCli } from '../support/run-cli';
import { makeTempDir } from '../support/temp-dir';

describe('c2g export', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeAll(async () => {
    temp = makeTempDir();
    const demo = await runCli(['demo', '--data-dir', temp.dir]);
    expect(demo.code).toBe(0);
  }, 60_000);
  afterAll(() => temp.remove());

  it("never carries team members' personal data, in the clear or sealed, in any export", async () => {
    // Every model (ndjson holds every field a csv would), and the pairings, where team members live, in every format.
    const runs = [...EXPORTABLE.map((model) => [model, 'ndjson']), ['pairings', 'csv'], ['pairings', 'iati']];
    for (const [model, format] of runs) {
      const { code, stdout } = await runCli(['export', model, '--format', format, '--data-dir', temp.dir]);
      expect(code).toBe(0);
      // The demo's team members are named "<side> representative <n> of <community>".
      expect(stdout).not.toMatch(/representative \d of|A256GCM|personDetails/);
    }
  }, 60_000);

  it('writes needs as HXL: a header row, a hashtag row, then one row per need', async () => {
    const { code, stdout } = await runCli(['export', 'needs', '--format', 'hxl', '--data-dir', temp.dir]);
    expect(code).toBe(0);
    const rows = parse(stdout.replace(/^\ufeff/, '')) as string[][];
    expect(rows[1]).toEqual(expect.arrayContaining(['#org+funder', '#sector', '#adm1+name', '#loc+name', '#loc+name+i_he', '#value', '#currency', '#meta+id']));
    expect(rows[1].every((tag) => tag.startsWith('#'))).toBe(true);
    const needs = rows.slice(2);
    expect(needs.length).toBeGreaterThan(40);
    const nahalOz = needs.find((row) => row[rows[0].indexOf('Community')] === 'Nahal Oz')!;
    expect(nahalOz[rows[0].indexOf('Community (Hebrew)')]).toBe('נחל עוז');
    expect(nahalOz[rows[0].indexOf('Regional council')]).toBe("Sha'ar HaNegev");
  }, 30_000);

  it('writes a spreadsheet-ready CSV and ndjson of the same pairings', async () => {
    const csv = await runCli(['export', 'pairings', '--format', 'csv', '--data-dir', temp.dir]);
    const ndjson = await runCli(['export', 'pairings', '--format', 'ndjson', '--data-dir', temp.dir]);
    expect(csv.stdout.startsWith('\ufeff')).toBe(true);
    const rows = parse(csv.stdout.replace(/^\ufeff/, ''), { columns: true }) as Record<string, string>[];
    const lines = ndjson.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(rows).toHaveLength(25);
    expect(lines).toHaveLength(25);
    expect(rows.map((r) => r.id)).toEqual(lines.map((l) => l.id));
    expect(Number(rows[0]['commitment.annual.amount'])).toBe(lines[0].commitment.annual.amount);
  }, 30_000);

  it('writes IATI 2.03 activities that pass structural checks', async () => {
    const { code, stdout } = await runCli(['export', 'pairings', '--format', 'iati', '--org-ref', 'XI-TEST-1', '--data-dir', temp.dir]);
    expect(code).toBe(0);
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['iati-activity', 'participating-org', 'activity-date', 'sector', 'budget', 'transaction'].includes(name) });
    const doc = parser.parse(stdout);
    expect(doc['iati-activities']['@version']).toBe('2.03');
    const activities = doc['iati-activities']['iati-activity'];
    expect(activities).toHaveLength(25);
    const identifiers = new Set<string>();
    for (const a of activities) {
      expect(typeof a['iati-identifier']).toBe('string');
      expect(a['iati-identifier']).toMatch(/^XI-TEST-1-/);
      identifiers.add(a['iati-identifier']);
      expect(a['reporting-org']['@ref']).toBe('XI-TEST-1');
      expect(a.title.narrative).toMatch(/^Communities2Gether: /);
      expect(['1', '2', '3', '4', '5', '6']).toContain(a['activity-status']['@code']);
      expect(a['participating-org'].length).toBeGreaterThanOrEqual(1);
      expect(a['participating-org'].every((o: Record<string, string>) => ['1', '2', '3', '4'].includes(o['@role']))).toBe(true);
      expect(a['activity-date'].map((d: Record<string, string>) => d['@type'])).toEqual(['1', '3']);
      expect(a['recipient-country']['@code']).toBe('IL');
      const shares = a.sector.map((s: Record<string, string>) => (expect(s['@vocabulary']).toBe('99'), Number(s['@percentage'])));
      expect(shares.reduce((x: number, y: number) => x + y, 0)).toBe(100);
      for (const budget of a.budget) {
        const start = Date.parse(budget['period-start']['@iso-date']);
        const end = Date.parse(budget['period-end']['@iso-date']);
        expect(end).toBeGreaterThan(start);
        expect(end - start).toBeLessThanOrEqual(366 * 86_400_000);
        expect(budget.value['@currency']).toBe('USD');
      }
      for (const t of a.transaction ?? []) {
        expect(['2', '3']).toContain(t['transaction-type']['@code']);
        expect(t['transaction-date']['@iso-date']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(Number(t.value['#text'])).toBeGreaterThan(0);
      }
    }
    expect(identifiers.size).toBe(25);
    const withMoney = activities.filter((a: { transaction?: unknown[] }) => a.transaction?.length);
    expect(withMoney.length).toBeGreaterThan(10);
  }, 30_000);

  it('refuses a format a model does not have', async () => {
    const { code, stderr } = await runCli(['export', 'communities', '--format', 'iati', '--data-dir', temp.dir]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/iati exports pairings/);
  }, 30_000);
});
