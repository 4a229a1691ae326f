import { startTestApp, TestApp } from '../support/test-app';

const HEADER = 'source,authority,externalRef,title,description,sector,communityIds,regionalCouncil,from,to,budget,currency';
const csv = (...rows: string[]) => `\ufeff${[HEADER, ...rows].join('\n')}\n`;
const caravans = 'tekuma,Tekuma Authority,TKM-2025-014,מגורים זמניים במבנים יבילים,קרווילות למשפחות החוזרות,housing,,Eshkol,2025-01-01,2025-12-31,"12,000,000.50",ILS';
const roads = 'municipality,Sderot Municipality,MUN-7,Road repair after heavy traffic,,infrastructure,sderot;nir-am,,2025-02-01,2025-06-30,300000,ILS';

describe('POST /plans/import', () => {
  let harness: TestApp;
  let key: string;
  const head = async () => (await harness.app.inject({ method: 'GET', url: '/ready' })).json().store.headPosition;
  const importCsv = (body: string, contentType = 'text/csv; charset=utf-8') =>
    harness.app.inject({ method: 'POST', url: '/plans/import', headers: { authorization: `Bearer ${key}`, 'content-type': contentType }, payload: body });

  beforeAll(async () => {
    harness = await startTestApp();
    key = await harness.keyFor('service');
  });
  afterAll(() => harness.stop());

  it('registers each row, keeping Hebrew text and exact minor units, with a per-row report', async () => {
    const response = await importCsv(csv(caravans, roads, 'tekuma,Tekuma Authority,TKM-X,Bad,,space-travel,,Eshkol,2025-13-01,2025-12-31,abc,ILS'));
    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect(report.summary).toEqual({ registered: 2, revised: 0, unchanged: 0, rejected: 1 });
    expect(report.rows[0]).toMatchObject({ row: 2, externalRef: 'TKM-2025-014', planId: 'tekuma-tkm-2025-014', outcome: 'registered' });
    expect(report.rows[2].reasons.join(' ')).toMatch(/window\.from.*budget: must be an amount/);
    const analyst = await harness.keyFor('analyst');
    const plan = (await harness.app.inject({ method: 'GET', url: `/plans?source=tekuma`, headers: { authorization: `Bearer ${analyst}` } })).json().items[0];
    expect(plan).toMatchObject({ title: 'מגורים זמניים במבנים יבילים', budget: { amount: 1_200_000_050, currency: 'ILS' }, regionalCouncil: 'Eshkol' });
  });

  it('is idempotent by (source, externalRef): unchanged rows append nothing, changed ones are revised', async () => {
    const before = await head();
    const again = (await importCsv(csv(caravans, roads))).json();
    expect(again.summary).toEqual({ registered: 0, revised: 0, unchanged: 2, rejected: 0 });
    expect(await head()).toBe(before);
    const changed = (await importCsv(csv(caravans.replace('2025-12-31', '2026-03-31'), roads))).json();
    expect(changed.rows[0]).toMatchObject({ outcome: 'revised', reasons: ['changed: window'] });
    expect(changed.summary).toMatchObject({ revised: 1, unchanged: 1 });
  });

  it('checks every row for field and program-rule problems in one pass, with ISO-4217 currencies and the documented sources', async () => {
    const before = await head();
    const report = (await importCsv(csv(
      'tekuma,Tekuma Authority,TKM-Y,Shelters,,space-travel,,Eshkol,2025-01-01,2025-12-31,1000,XYZ',
      'government,Prime Minister\'s Office,PMO-1,Shelters,,security,,,2025-01-01,2025-12-31,1000,ILS',
    ))).json();
    expect(report.summary).toEqual({ registered: 0, revised: 0, unchanged: 0, rejected: 2 });
    expect(report.rows[0].reasons).toEqual([
      'budget.currency: currency must be an ISO-4217 code such as USD or ILS (XYZ is not one)',
      'sector-unknown: sector "space-travel" is not in the program taxonomy',
    ]);
    expect(report.rows[1].reasons).toEqual([
      'source: source must be one of tekuma, municipality, regional-council, ministry',
      'plan-coverage-missing: a plan covers communityIds or a regionalCouncil',
    ]);
    expect(await head()).toBe(before);
  });

  it('answers a header without a required column with the missing columns, writing nothing', async () => {
    const before = await head();
    const response = await importCsv('source,authority,externalRef,title,sector,from,to,budget\ntekuma,Tekuma Authority,TKM-Z,Shelters,security,2025-01-01,2025-12-31,1000\n');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'missing-columns', message: 'missing columns: currency, communityIds or regionalCouncil' });
    expect(await head()).toBe(before);
  });

  it('refuses a body that is not CSV, and a CSV without plans', async () => {
    expect((await importCsv('{"plans": []}', 'application/json')).statusCode).toBe(415);
    const empty = await importCsv(`${HEADER}\n`);
    expect(empty.statusCode).toBe(400);
    expect(empty.json().code).toBe('import-empty');
  });
});
