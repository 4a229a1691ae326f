import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../../libs/event-store/src';
import { runWorker } from './measure';

/** Fills a store with a program's worth of events: communities, pairings, teams, pledges, disbursements, needs. */
export async function fillStore(file: string, target: number): Promise<bigint> {
  const store = new SqliteEventStore({ file, synchronous: 'OFF' });
  const usd = (amount: number) => ({ amount, currency: 'USD' });
  for (let c = 0, total = 0; total < target; c += 1) {
    const [isr, glob, p] = [`isr-${c}`, `glob-${c}`, `pair-${c}`];
    await store.append(`community-${isr}`, [
      { type: 'CommunityRegistered', data: { communityId: isr, name: `Community ${c}`, aliases: [], kind: 'israeli', settlementType: 'kibbutz', regionalCouncil: 'Eshkol', country: 'IL' } },
      { type: 'CommunityPaired', data: { communityId: isr, pairingId: p } },
    ]);
    await store.append(`community-${glob}`, [{ type: 'CommunityRegistered', data: { communityId: glob, name: `Partner ${c}`, aliases: [], kind: 'global', settlementType: 'federation', country: 'US' } }]);
    const events: { type: string; data: object }[] = [
      { type: 'PairingCreated', data: { pairingId: p, israeliCommunityId: isr, globalCommunityId: glob, partnershipType: 'new', commitment: { annual: usd(25_000_000), years: 3, startDate: '2024-07-01' } } },
    ];
    for (let i = 0; i < 6; i += 1) events.push({ type: 'TeamMemberAssigned', data: { pairingId: p, memberId: `m${i}`, side: ['israeli', 'global', 'agency'][i % 3], role: 'member', personId: `person-${c}-${i}` } });
    for (let i = 0; i < 300; i += 1) {
      events.push({ type: 'PledgeMade', data: { pairingId: p, pledgeId: `pl${i}`, year: 1 + (i % 3), amount: usd(1000 + i) } });
      events.push({ type: 'FundsDisbursed', data: { pairingId: p, disbursementId: `d${i}`, pledgeId: `pl${i}`, amount: usd(500) } });
    }
    await store.append(`pairing-${p}`, events);
    await Promise.all(
      Array.from({ length: 50 }, (_, n) =>
        store.append(`need-${p}-${n}`, [
          { type: 'NeedRecorded', data: { needId: `${p}-${n}`, pairingId: p, communityId: isr, title: `Need ${n}`, description: '', sector: 'housing', horizon: 'immediate', estimatedCost: usd(100_000), window: { from: '2025-01-01', to: '2025-06-30' } } },
          { type: 'NeedFulfilled', data: { needId: `${p}-${n}` } },
        ]),
      ),
    );
    total += 710;
  }
  const head = await store.headPosition();
  await store.close();
  return head;
}

/** Raw scan: read every row and JSON.parse data and metadata — the floor any replay has to pay. */
function rawScan(file: string): number {
  const db = new Database(file, { readonly: true });
  const started = process.hrtime.bigint();
  let count = 0;
  for (const row of db.prepare('SELECT data, metadata FROM events ORDER BY position').iterate() as Iterable<{ data: string; metadata: string }>) {
    JSON.parse(row.data);
    JSON.parse(row.metadata);
    count += 1;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  db.close();
  return count / seconds;
}


export async function replayScenario(quick: boolean) {
  const dir = mkdtempSync(join(tmpdir(), 'c2g-bench-replay-'));
  try {
    const file = join(dir, 'events.sqlite');
    const events = await fillStore(file, quick ? 50_000 : 1_000_000);
    const raw = rawScan(file);
    // Every event through every projection into fresh read-model files, in a child process to read its peak RSS.
    const replay = await runWorker<{ eventsPerSecond: number; peakRssMb: number }>('test/bench/replay-worker.ts', [dir]);
    return {
      name: `replay of ${events.toLocaleString('en')} events into all read models`,
      rows: [
        ['raw read-and-JSON.parse scan', `${Math.round(raw)} events/s`],
        ['c2g replay (ProjectionRunner)', `${Math.round(replay.eventsPerSecond)} events/s, peak RSS ${replay.peakRssMb} MB (target ≤ 512)`],
      ],
      ratio: { key: 'replayRatio', value: replay.eventsPerSecond / raw, target: '≥ 0.3' },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

