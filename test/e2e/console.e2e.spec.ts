import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { apiClient } from '../support/api-client';
import { eventually } from '../support/eventually';
import { loadDemoInto } from '../support/load-demo-into';
import { makeTempDir } from '../support/temp-dir';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The console in a real browser (Debian's chromium driven by playwright-core) against the real
 * API with the demo program: every view with each role, a flag resolved, as-of, live updates,
 * the Hebrew interface, and axe-core on every view. C2G_CONSOLE_SCREENSHOTS=1 writes the
 * screenshots to docs/console/ (the README shows them); otherwise into a temp directory.
 */
const CHROMIUM = process.env.C2G_CHROMIUM ?? '/usr/bin/chromium';
const ROOT = join(__dirname, '../..');
const browserMissing = !existsSync(CHROMIUM);
if (browserMissing) {
  // eslint-disable-next-line no-console
  console.log(`console e2e skipped: no browser at ${CHROMIUM} (.ci/run installs Debian's chromium with apt-get)`);
}
const describeWithBrowser = browserMissing ? describe.skip : describe;

jest.setTimeout(60_000);

describeWithBrowser('the console', () => {
  const temp = makeTempDir('c2g-console-');
  const built = join(temp.dir, 'console');
  const shots = process.env.C2G_CONSOLE_SCREENSHOTS ? join(ROOT, 'docs/console') : join(temp.dir, 'shots');
  let harness: TestApp;
  let api: ReturnType<typeof apiClient>;
  let base: string;
  let browser: Browser;
  let page: Page;
  const keys: Record<string, string> = {};
  const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

  beforeAll(async () => {
    // One fresh build per run (never a stale dist/console), into a temp directory the app serves.
    await promisify(execFile)(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', join(ROOT, 'apps/console/vite.config.mts')], {
      cwd: ROOT,
      env: { ...process.env, C2G_CONSOLE_OUT: built, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
    });
    harness = await startTestApp({ C2G_CONSOLE_DIR: built });
    api = apiClient(harness);
    await harness.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(harness.app.getHttpServer().address() as AddressInfo).port}`;
    const { position } = await loadDemoInto(harness);
    await api.get(`/pairings?limit=1&minPosition=${position}`);
    for (const role of ['analyst', 'service', 'auditor', 'admin', 'operator'] as const) keys[role] = await harness.keyFor(role);
    mkdirSync(shots, { recursive: true });
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      // Playwright gives every launch a fresh, empty profile directory of its own.
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // A Vite build, the demo program and a browser start: ≈ 25 s alone, over 90 s seen beside a
    // second jest worker's crash tests on two cores.
  }, 240_000);
  const pageErrors: string[] = [];

  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
    temp.remove();
  });

  /** axe-core's WCAG 2 A/AA rules on the page as it is: no violation, each named if any. */
  async function expectAccessible(view: string) {
    await page.evaluate(axeSource);
    // Runs in the page (a string, so this file needs no DOM types).
    const violations = (await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
      .then((result) => result.violations.map((v) => v.id + ': ' + v.help + ' at ' + v.nodes.map((n) => n.target.join(' ')).join(', ')))`)) as string[];
    expect({ view, violations }).toEqual({ view, violations: [] });
  }

  async function shot(name: string) {
    await page.evaluate(`window.scrollTo(0, 0)`);
    await page.screenshot({ path: join(shots, `${name}.png`), fullPage: false });
  }

  async function signIn(...roles: string[]) {
    await page.goto(`${base}/console/`);
    for (const role of roles) {
      await page.getByLabel('API key').fill(keys[role]);
      await page.getByRole('button', { name: 'Add a key' }).click();
      await page.getByTestId('roles').filter({ hasText: role }).waitFor();
    }
  }

  async function openView(name: string) {
    await page.getByRole('navigation').getByRole('link', { name }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached' });
  }

  it('is served at /console with the API security headers, and needs no key for its files', async () => {
    const response = await fetch(`${base}/console/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain(`default-src 'self'`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await response.text();
    const script = /src="(\/console\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect((await fetch(`${base}${script}`)).status).toBe(200);
    // The console learns a key's role from a 403 that names it, and says which role a page needs.
    const forbidden = await api.get('/pairings?limit=1', { role: 'auditor' });
    expect({ status: forbidden.status, details: forbidden.body.details }).toEqual({ status: 403, details: { requiredRoles: ['analyst'], role: 'auditor' } });
    const bare = await fetch(`${base}/console`, { redirect: 'manual' });
    expect([301, 302]).toContain(bare.status);
    expect(bare.headers.get('location')).toBe('/console/');
  });

  it('says what is wrong with a refused key, and that admin and operator keys have no page', async () => {
    await page.goto(`${base}/console/`);
    await page.keyboard.press('Tab');
    await expect(page.evaluate(`document.activeElement.textContent`)).resolves.toBe('Skip to content'); // the first stop of the keyboard
    await page.getByLabel('API key').fill(`${keys.analyst.slice(0, -4)}abcd`);
    await page.getByRole('button', { name: 'Add a key' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('The key was refused');
    for (const role of ['admin', 'operator']) {
      await signIn(role);
      await expect(page.getByText(`The role ${role} has no page in the console`).count()).resolves.toBe(1);
      await page.getByRole('button', { name: 'Sign out' }).click();
    }
    // The key lives in sessionStorage, never in the address.
    await signIn('analyst');
    expect(page.url()).not.toContain(keys.analyst);
    await expect(page.evaluate(`sessionStorage.getItem('c2g-console-keys')`)).resolves.toContain(keys.analyst);
    await expect(page.evaluate(`localStorage.getItem('c2g-console-keys')`)).resolves.toBeNull();
  });

  it('shows the program overview with both names of each community, filterable, in English and Hebrew', async () => {
    await signIn('analyst');
    await openView('Program overview');
    await expect(page.getByTestId('pairing-count').textContent()).resolves.toBe('25 of 25 pairings');
    const kfarAza = page.locator('#pairing-kfar-aza-boston');
    await expect(kfarAza.locator('bdi[lang="he"][dir="rtl"]').textContent()).resolves.toBe('כפר עזה');
    await page.getByLabel('Search (name, Hebrew name, id)').fill('כפר עזה');
    await expect(page.getByTestId('pairing-count').textContent()).resolves.toBe('1 of 25 pairings');
    await page.getByLabel('Search (name, Hebrew name, id)').fill('');
    const formation = (await api.get('/pairings?phase=formation&limit=200')).body.items.length;
    await page.getByLabel('Phase').selectOption('formation');
    await expect(page.getByTestId('pairing-count').textContent()).resolves.toBe(`${formation} of 25 pairings`);
    await page.getByLabel('Phase').selectOption('');
    await expectAccessible('overview');
    await shot('overview');

    await page.getByLabel('Language').selectOption('he');
    await expect(page.evaluate(`[document.documentElement.lang, document.documentElement.dir]`)).resolves.toEqual(['he', 'rtl']);
    await page.getByRole('heading', { level: 1, name: 'סקירת התוכנית' }).waitFor();
    await expect(page.getByTestId('pairing-count').textContent()).resolves.toBe('25 מתוך 25 שותפויות');
    await expectAccessible('overview in Hebrew');
    await shot('overview-he');
    await page.getByLabel('שפה').selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'Program overview' }).waitFor();
  });

  it('lists the communities left behind with their reasons and a link to the pairing', async () => {
    await openView('No community left behind');
    const report = (await api.get('/reports/coverage')).body;
    await expect(page.getByRole('heading', { level: 2, name: `Communities that need action (${report.leftBehind.length})` }).count()).resolves.toBe(1);
    const incomplete = report.leftBehind.find((c: { reasons: string[] }) => c.reasons.includes('incomplete-team'));
    await expect(page.getByText('incomplete team').count()).resolves.toBe(report.leftBehind.filter((c: { reasons: string[] }) => c.reasons.includes('incomplete-team')).length);
    await expectAccessible('coverage');
    await shot('coverage');
    await page.getByRole('link', { name: `Open pairing ${incomplete.pairingId}` }).click();
    await page.getByRole('heading', { level: 1, name: 'Program overview' }).waitFor();
    await expect(page.getByTestId('pairing-count').textContent()).resolves.toBe('1 of 25 pairings');
    await expect(page.locator(`#pairing-${incomplete.pairingId}`).count()).resolves.toBe(1);
  });

  it('shows funding as charts with the numbers beside them, per currency, and exports it', async () => {
    await openView('Funding');
    const report = (await api.get('/reports/funding')).body;
    const total = report.program[0];
    const usd = (minor: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(minor / 100);
    const programTable = page.getByRole('table', { name: 'Program total (USD)' });
    await expect(programTable.getByRole('cell').allTextContents()).resolves.toEqual([usd(total.committed.amount), usd(total.pledged.amount), usd(total.disbursed.amount)]);
    await expect(page.locator('canvas[role="img"]').count()).resolves.toBe(3);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download CSV' }).click();
    const csv = readFileSync(await (await download).path(), 'utf8');
    const rows = csv.trimEnd().split('\r\n');
    expect(rows[0]).toBe('\ufeffpairingId,israeliCommunityId,globalCommunityId,year,currency,committed,pledged,disbursed');
    expect(rows).toHaveLength(1 + report.pairings.reduce((n: number, p: { years: unknown[] }) => n + p.years.length, 0));
    await expectAccessible('funding');
    await shot('funding');
  });

  it('shows the needs board by horizon with funding and the plans that cover each need', async () => {
    await openView('Needs board');
    const open = (await api.get('/needs?status=open&limit=200')).body.items;
    for (const horizon of [['immediate', 'Immediate'], ['short-term', 'Short term'], ['long-term', 'Long term']]) {
      const count = open.filter((n: { horizon: string }) => n.horizon === horizon[0]).length;
      await expect(page.getByRole('heading', { level: 2, name: `${horizon[1]} (${count})` }).count()).resolves.toBe(1);
    }
    await page.getByText('Kindergarten reconstruction programme (Eshkol Regional Council)').first().waitFor(); // plans load beside the needs
    await expectAccessible('needs');
    await shot('needs');
  });

  it('turns the overview into the program as it was at a past position or date', async () => {
    await openView('Program overview');
    const asOf = (await api.get('/pairings?limit=200&asOf=300')).body.items.length;
    expect(asOf).toBeGreaterThan(0);
    expect(asOf).toBeLessThan(25);
    await page.getByLabel('As of (date YYYY-MM-DD or log position)').fill('300');
    await page.getByRole('button', { name: 'Show as of' }).click();
    await page.getByTestId('pairing-count').filter({ hasText: `${asOf} of ${asOf} pairings` }).waitFor();
    await expect(page.getByTestId('as-of-banner').textContent()).resolves.toContain('as it was at 300');
    await expect(page.getByText('log position 300').count()).resolves.toBe(1);
    await expectAccessible('as of');
    await shot('as-of');
    await page.getByLabel('As of (date YYYY-MM-DD or log position)').fill('2020-01-01');
    await page.getByRole('button', { name: 'Show as of' }).click();
    await page.getByText('Nothing to show.').waitFor();
    await page.getByLabel('As of (date YYYY-MM-DD or log position)').fill('last week');
    await page.getByRole('button', { name: 'Show as of' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toBe('Enter a date as YYYY-MM-DD or a log position (a whole number).');
    await page.getByRole('button', { name: 'Back to now' }).click();
    await page.getByTestId('pairing-count').filter({ hasText: '25 of 25 pairings' }).waitFor();
  });

  it('updates the overview from /live without a reload', async () => {
    await openView('Program overview');
    const cell = page.locator('#pairing-kfar-aza-boston td').nth(4);
    const before = Number(await cell.textContent());
    await page.getByTestId('live').filter({ hasText: /^Live: (connected|up to date)/ }).waitFor();
    await page.evaluate(`window.marker = 1`);
    const recorded = await api.post('/needs', {
      pairingId: 'kfar-aza-boston',
      title: 'Bomb shelter benches',
      description: 'Benches for the shelters by the kindergarten',
      sector: 'security',
      horizon: 'immediate',
      estimatedCost: { amount: 400000, currency: 'USD' },
      window: { from: '2025-01-01', to: '2025-02-01' },
    });
    expect(recorded.status).toBe(201);
    await page.getByTestId('live').filter({ hasText: `position ${recorded.body.position}` }).waitFor();
    await cell.filter({ hasText: String(before + 1) }).waitFor();
    await expect(page.evaluate(`window.marker`)).resolves.toBe(1); // no reload
  });

  it('reviews duplicate flags: an analyst sees them, a service key resolves one, it leaves the open list', async () => {
    await openView('Duplicate review');
    const open = (await api.get('/duplicate-flags?status=open&limit=200')).body.items;
    expect(open.length).toBeGreaterThan(0);
    const openList = page.getByTestId('open-flags');
    await expect(openList.locator(':scope > li').count()).resolves.toBe(open.length);
    await expect(page.getByText('Resolving needs a key with the role service').count()).resolves.toBe(open.length);
    const flag = open.find((f: { kind: string }) => f.kind === 'need-plan');
    const plan = (await api.get(`/plans?limit=200`)).body.items.find((p: { id: string }) => p.id === flag.planId);
    const card = openList.locator(`[data-flag-id="${flag.id}"]`);
    await card.filter({ hasText: plan.title }).waitFor(); // the texts load beside the flags
    await expect(card.textContent()).resolves.toContain(flag.reasons[0]);
    await expectAccessible('duplicates (analyst)');

    await page.getByLabel('API key').fill(keys.service);
    await page.getByRole('button', { name: 'Add a key' }).click();
    await page.getByTestId('roles').filter({ hasText: 'service' }).waitFor();
    await card.getByLabel('complementary').check();
    await card.getByLabel('Note').fill('the plan rebuilds the building; the need staffs it');
    await card.getByRole('button', { name: 'Resolve' }).click();
    await card.waitFor({ state: 'detached' });
    const stillOpen = (await api.get('/duplicate-flags?status=open&limit=200')).body.items.map((f: { id: string }) => f.id);
    expect(stillOpen).not.toContain(flag.id);
    await expect(openList.locator(':scope > li').evaluateAll((items) => items.map((li) => li.getAttribute('data-flag-id')))).resolves.toEqual(stillOpen);
    const resolved = page.getByTestId('resolved-flags').locator(`[data-flag-id="${flag.id}"]`);
    await expect(resolved.textContent()).resolves.toContain('complementary — decided by test-service: the plan rebuilds the building; the need staffs it');
    await expectAccessible('duplicates');
    await shot('duplicates');
  });

  it('shows the audit view to auditors only: the log, a stream, a correlation and chain verification', async () => {
    // Only the views of the keys held are offered; an address of another says which role it needs.
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Audit' }).count()).resolves.toBe(0);
    await page.goto(`${base}/console/#/audit`);
    await expect(page.getByRole('main').getByRole('alert').textContent()).resolves.toBe('This page needs a key with the role auditor. Add one above.');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn('auditor');
    await page.getByRole('heading', { level: 1, name: 'Audit' }).waitFor();
    await expect(page.getByRole('navigation').getByRole('link').allTextContents()).resolves.toEqual(['Audit']);
    await page.goto(`${base}/console/#/overview`);
    await expect(page.getByRole('main').getByRole('alert').textContent()).resolves.toBe('This page needs a key with the role analyst. Add one above.');
    await openView('Audit');
    await page.getByRole('button', { name: 'Verify every hash chain' }).click();
    const verified = (await api.get('/audit/verify', { role: 'auditor' })).body;
    await page.getByTestId('verify-result').filter({ hasText: `Intact: ${verified.streams} streams, ${verified.events} events` }).waitFor();
    // Transparency log: sign a checkpoint now, then check an event against it in the browser.
    await page.getByRole('button', { name: 'Sign a checkpoint now' }).click();
    const signed = (await api.get('/audit/checkpoints?limit=1000', { role: 'auditor' })).body.items.at(-1);
    await page.getByTestId('checkpoints').locator('tbody tr').first().filter({ hasText: String(signed.treeSize) }).waitFor();
    await page.getByRole('button', { name: `Check that event 2 is in the checkpoint of ${signed.treeSize} events` }).click();
    await page.getByTestId('inclusion-result').filter({ hasText: `Event 2 is leaf 1 of the signed checkpoint of ${signed.treeSize} events (root ${signed.rootHash.slice(0, 12)}…): checked in this browser.` }).waitFor();
    await page.getByLabel('Stream id').fill('pairing-kfar-aza-boston');
    await page.getByRole('button', { name: 'Open stream' }).click();
    await page.getByRole('heading', { level: 2, name: 'pairing-kfar-aza-boston' }).waitFor();
    const stream = (await api.get('/audit/streams/pairing-kfar-aza-boston?limit=100', { role: 'auditor' })).body.items;
    await eventually(() => expect(page.locator('table.events tbody tr').count()).resolves.toBe(stream.length));
    await expect(page.locator('table.events tbody tr').first().locator('code').first().getAttribute('title')).resolves.toBe(`Hash ${stream[0].hash}`);
    const correlationId = stream[0].metadata.correlationId;
    const correlated = (await api.get(`/audit/events?correlationId=${correlationId}&limit=100`, { role: 'auditor' })).body.items;
    await page.getByRole('button', { name: `Show every event of correlation ${correlationId}` }).first().click();
    await page.getByRole('heading', { level: 2, name: `Correlation id ${correlationId}` }).waitFor();
    await eventually(() => expect(page.locator('table.events tbody tr').count()).resolves.toBe(correlated.length));
    expect(new Set(correlated.map((e: { streamId: string }) => e.streamId)).size).toBeGreaterThan(1); // the command touched several streams
    await expectAccessible('audit');
    await shot('audit');
    expect(pageErrors).toEqual([]);
  });
});

describe('the console when it was never built', () => {
  it('answers /console with a 404 that says how to build it, and the API still serves', async () => {
    const missing = makeTempDir('c2g-console-missing-');
    const harness = await startTestApp({ C2G_CONSOLE_DIR: missing.dir });
    try {
      for (const url of ['/console', '/console/', '/console/assets/x.js']) {
        const response = await harness.app.inject({ method: 'GET', url });
        expect({ url, status: response.statusCode, body: response.json() }).toEqual({
          url,
          status: 404,
          body: { error: 'not-found', code: 'console-not-built', message: `the console is not built in ${missing.dir}: run npm run build` },
        });
      }
      expect((await harness.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    } finally {
      await harness.stop();
      missing.remove();
    }
  });
});
