import { issueKey, startServer } from '../support/server-process';
import { c2gInProcess } from '../support/cli-in-process';
import { runCli } from '../support/run-cli';
import { makeTempDir } from '../support/temp-dir';

const lines = (text: string) => text.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line));

describe('c2g streams, events and as-of', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeAll(async () => {
    temp = makeTempDir();
    expect((await runCli(['demo', '--data-dir', temp.dir])).code).toBe(0);
  }, 60_000);
  afterAll(() => temp.remove());

  it('loads the demo once: a second run says so and leaves the program as it was', async () => {
    const programEvents = async () => lines((await runCli(['events', '--actor', 'demo-loader', '--data-dir', temp.dir])).stdout).length;
    const before = await programEvents();
    expect(before).toBeGreaterThan(100);
    const again = await runCli(['demo', '--data-dir', temp.dir]);
    expect([again.code, again.stdout]).toEqual([0, "demo already loaded: the program is unchanged (only the loader's key was issued and revoked)\n"]);
    expect(await programEvents()).toBe(before);
  }, 60_000);

  it('prints one pairing event by event, with who did what and when', async () => {
    const { stdout } = await runCli(['streams', 'pairing-nahal-oz-new-york', '--data-dir', temp.dir]);
    const events = lines(stdout);
    expect(events[0]).toMatchObject({ type: 'PairingCreated', revision: 0, metadata: { actor: 'demo-loader', role: 'service', occurredAt: expect.any(String) } });
    expect(events.map((e) => e.revision)).toEqual(events.map((_, i) => i));
    for (let i = 1; i < events.length; i += 1) expect(events[i].metadata.prevHash).toBe(events[i - 1].metadata.hash);
  }, 30_000);

  it('filters the log and answers as of a past position, consistently with the events', async () => {
    const pledges = lines((await runCli(['events', '--type', 'PledgeMade', '--data-dir', temp.dir])).stdout);
    expect(pledges.length).toBeGreaterThan(20);
    const cut = pledges[9].position;
    const expected = pledges.filter((e) => BigInt(e.position) <= BigInt(cut)).reduce((sum, e) => sum + e.data.amount.amount, 0);
    const asOf = JSON.parse((await runCli(['as-of', cut, '--data-dir', temp.dir])).stdout);
    expect(asOf.position).toBe(cut);
    expect(asOf.program[0].pledged.amount).toBe(expected);
    const early = JSON.parse((await runCli(['as-of', '2020-01-01', '--report', 'coverage', '--data-dir', temp.dir])).stdout);
    expect(early).toMatchObject({ leftBehind: [], covered: [], position: '0' });
  }, 30_000);

  it('carries the dates the program would have had, so as-of by date shows the program growing', async () => {
    const demo = lines((await c2gInProcess(['events', '--actor', 'demo-loader', '--data-dir', temp.dir])).stdout);
    const dates = demo.map((e) => e.metadata.occurredAt as string);
    expect(dates).toEqual([...dates].sort()); // in log order, so a date maps to a prefix of the log
    expect([dates[0].slice(0, 7), dates[dates.length - 1].slice(0, 4)]).toEqual(['2024-06', '2026']);
    const pairingsBy = async (date: string) =>
      (JSON.parse((await c2gInProcess(['as-of', date, '--report', 'funding', '--data-dir', temp.dir])).stdout).pairings as unknown[]).length;
    const growth = [await pairingsBy('2024-06-30'), await pairingsBy('2024-12-31'), await pairingsBy('2025-06-30'), await pairingsBy('2026-12-01')];
    expect(growth).toEqual([0, 14, 25, 25]);
  }, 30_000);

  it('asks a running server the same questions with --url and a key', async () => {
    const local = lines((await runCli(['events', '--type', 'PhaseAdvanced', '--data-dir', temp.dir])).stdout);
    const server = await startServer(temp.dir);
    try {
      const key = await issueKey(server.url, 'auditor');
      const remote = lines((await runCli(['events', '--type', 'PhaseAdvanced', '--url', server.url, '--key', key])).stdout);
      expect(remote.map((e) => e.eventId)).toEqual(local.map((e) => e.eventId));
      const refused = await runCli(['events', '--url', server.url, '--key', 'c2g_0000000000000000_' + 'A'.repeat(43)]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/401 api-key-invalid/);
    } finally {
      await server.kill();
    }
  }, 60_000);
});
