import Database from 'better-sqlite3';
import fc from 'fast-check';
import { StoredEvent } from '@c2g/event-store';
import { DuplicateFlagsProjection } from './duplicate-flags.projection';

// /metrics reads flags per status from dup_flag_counts (kept by triggers); it must always agree
// with counting the flags themselves, whatever raises, closes, reopens or resolves them.
const window = { from: '2025-01-01', to: '2025-12-31' };
const TITLES = ['Repair the olive press', 'Olive press repair', 'Grants for small businesses', 'Loans for small businesses'];

type Step =
  | { kind: 'need'; need: number; title: number }
  | { kind: 'revise'; need: number; title: number }
  | { kind: 'cancel'; need: number }
  | { kind: 'plan'; plan: number; title: number }
  | { kind: 'withdraw'; plan: number }
  | { kind: 'resolve'; pick: number; duplicate: boolean };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('need' as const), need: fc.nat(5), title: fc.nat(TITLES.length - 1) }),
  fc.record({ kind: fc.constant('revise' as const), need: fc.nat(5), title: fc.nat(TITLES.length - 1) }),
  fc.record({ kind: fc.constant('cancel' as const), need: fc.nat(5) }),
  fc.record({ kind: fc.constant('plan' as const), plan: fc.nat(2), title: fc.nat(TITLES.length - 1) }),
  fc.record({ kind: fc.constant('withdraw' as const), plan: fc.nat(2) }),
  fc.record({ kind: fc.constant('resolve' as const), pick: fc.nat(20), duplicate: fc.boolean() }),
);

function eventOf(s: Step, db: Database.Database, known: { needs: Set<number>; plans: Set<number> }): [string, object] | undefined {
  switch (s.kind) {
    case 'need':
      if (known.needs.has(s.need)) return undefined;
      known.needs.add(s.need);
      return ['NeedRecorded', { needId: `n${s.need}`, pairingId: 'x', communityId: 'c1', title: TITLES[s.title], description: '', sector: 'employment', horizon: 'immediate', estimatedCost: { amount: 100_000, currency: 'USD' }, window }];
    case 'revise':
      return known.needs.has(s.need) ? ['NeedRevised', { needId: `n${s.need}`, changes: { title: TITLES[s.title] } }] : undefined;
    case 'cancel':
      return known.needs.has(s.need) ? ['NeedCancelled', { needId: `n${s.need}`, reason: 'test' }] : undefined;
    case 'plan':
      if (known.plans.has(s.plan)) return undefined;
      known.plans.add(s.plan);
      return ['PlanRegistered', { planId: `p${s.plan}`, source: 'tekuma', authority: 'Tekuma Authority', externalRef: `p${s.plan}`, title: TITLES[s.title], description: '', sector: 'employment', communityIds: ['c1'], window, budget: { amount: 370_000, currency: 'ILS' } }];
    case 'withdraw':
      return known.plans.has(s.plan) ? ['PlanWithdrawn', { planId: `p${s.plan}`, reason: 'test' }] : undefined;
    case 'resolve': {
      const flags = db.prepare("SELECT flag_id FROM dup_flags WHERE status = 'open' ORDER BY flag_id").all() as { flag_id: string }[];
      if (flags.length === 0) return undefined;
      return ['DuplicateFlagResolved', { flagId: flags[s.pick % flags.length].flag_id, decision: s.duplicate ? 'duplicate' : 'not-duplicate', note: '', reviewer: 'coordinator' }];
    }
  }
}

const counted = (db: Database.Database) => db.prepare('SELECT status, COUNT(*) AS n FROM dup_flags GROUP BY status ORDER BY status').all();
const kept = (db: Database.Database) => db.prepare('SELECT status, n FROM dup_flag_counts WHERE n <> 0 ORDER BY status').all();

describe('duplicate flags per status (dup_flag_counts)', () => {
  it('always equal the flags counted, after every event', () => {
    let statuses = new Set<string>();
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), (steps) => {
        const db = new Database(':memory:');
        const projection = new DuplicateFlagsProjection();
        projection.setup(db);
        projection.apply(stored(0, 'CommunityRegistered', { communityId: 'c1', name: 'Alumim', aliases: [], kind: 'israeli', settlementType: 'kibbutz', country: 'IL' }), { db, changed: () => undefined });
        const known = { needs: new Set<number>(), plans: new Set<number>() };
        steps.forEach((s, i) => {
          const event = eventOf(s, db, known);
          if (!event) return;
          projection.apply(stored(i + 1, ...event), { db, changed: () => undefined });
          expect(kept(db)).toEqual(counted(db));
        });
        statuses = new Set([...statuses, ...(counted(db) as { status: string }[]).map((r) => r.status)]);
        db.close();
      }),
      { numRuns: 150 },
    );
    // The runs moved flags through every status, so every trigger was exercised.
    expect([...statuses].sort()).toEqual(['closed', 'open', 'resolved']);
  });

  it('are kept from version 5 on; version 4, kept as the previous version, has none (/metrics counts its flags instead)', () => {
    const projection = new DuplicateFlagsProjection();
    expect([projection.version, projection.previous?.version]).toEqual([5, 4]);
    const old = new Database(':memory:');
    projection.previous!.setup(old);
    expect(old.prepare("SELECT name FROM sqlite_master WHERE name = 'dup_flag_counts'").get()).toBeUndefined();
  });
});

function stored(position: number, type: string, data: object): StoredEvent {
  return {
    eventId: `e${position}`, streamId: 's', type, revision: 0n, position: BigInt(position + 1), data,
    metadata: { occurredAt: '2025-01-01T00:00:00Z', schemaVersion: 1, prevHash: '', hash: '' },
  } as StoredEvent;
}
