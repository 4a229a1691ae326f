import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../../libs/event-store/src';

/**
 * Fills a store with a program's worth of events: communities, pairings, teams, pledges,
 * disbursements, needs. Ids are `${prefix}isr-N`, `${prefix}glob-N`, `${prefix}pair-N`.
 */
export async function fillStore(file: string, target: number, prefix = ''): Promise<bigint> {
  const store = new SqliteEventStore({ file, synchronous: 'OFF' });
  const usd = (amount: number) => ({ amount, currency: 'USD' });
  for (let c = 0, total = 0; total < target; c += 1) {
    const [isr, glob, p] = [`${prefix}isr-${c}`, `${prefix}glob-${c}`, `${prefix}pair-${c}`];
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

export interface BenchLog {
  /** Holds events.sqlite; a server or the replay worker started on it puts its read models in read-models/. */
  dir: string;
  head: bigint;
}

const logs = new Map<number, Promise<BenchLog>>();
const dirs: string[] = [];

/**
 * A program's log of about `events` events (see fillStore), filled once per bench run and shared
 * by the scenarios that read it (replay, as-of): filling a million events takes minutes.
 */
export function benchLog(events: number): Promise<BenchLog> {
  let log = logs.get(events);
  if (!log) {
    const dir = mkdtempSync(join(tmpdir(), 'c2g-bench-log-'));
    dirs.push(dir);
    log = fillStore(join(dir, 'events.sqlite'), events).then((head) => ({ dir, head }));
    logs.set(events, log);
  }
  return log;
}

/** Removes every log filled in this run (at the end of the run, also after a failure). */
export function removeBenchLogs(): void {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  logs.clear();
}

/** The size of the replay and as-of scenarios' log. */
export const replayLogSize = (quick: boolean) => (quick ? 50_000 : 1_000_000);
