import Database from 'better-sqlite3';
import { StoredEvent } from '@c2g/event-store';
import { DuplicateFlagsProjection } from './duplicate-flags.projection';
import { explainDuplicatePair } from './duplicate-flags.queries';

type Fed = [type: string, data: object, occurredAt?: string];

const window = { from: '2025-01-01', to: '2025-12-31' };
const community = (id: string, name: string) => ['CommunityRegistered', { communityId: id, name, aliases: [], kind: 'israeli', settlementType: 'kibbutz', country: 'IL' }] as Fed;
const need = (id: string, communityId: string, title: string) =>
  ['NeedRecorded', { needId: id, pairingId: 'x', communityId, title, description: '', sector: 'employment', horizon: 'immediate', estimatedCost: { amount: 100_000, currency: 'USD' }, window }] as Fed;
const plan = (id: string, communityId: string, title: string) =>
  ['PlanRegistered', { planId: id, source: 'tekuma', authority: 'Tekuma Authority', externalRef: id, title, description: '', sector: 'employment', communityIds: [communityId], window, budget: { amount: 370_000, currency: 'ILS' } }] as Fed;
const judged = (type: 'ConceptsLinked' | 'ConceptsSeparated', flagId: string, kind: string, needId: string, otherId: string, communityId: string, wordings: [string, string]) =>
  [type, { flagId, reviewer: 'coordinator', kind, needId, otherId, communityId, sector: 'employment', wordings }, '2026-02-03T10:00:00Z'] as Fed;

/** Feeds events to a fresh read model, as the runner would, and returns its flags. */
function readModelAfter(events: Fed[]) {
  const db = new Database(':memory:');
  const projection = new DuplicateFlagsProjection();
  projection.setup(db);
  events.forEach(([type, data, occurredAt], i) => {
    const stored = { eventId: `e${i}`, streamId: 's', type, revision: 0n, position: BigInt(i + 1), data,
      metadata: { occurredAt: occurredAt ?? '2025-01-01T00:00:00Z', schemaVersion: 1, prevHash: '', hash: '' } } as StoredEvent;
    projection.apply(stored, { db, changed: () => undefined });
  });
  const flags = (status: string) => db.prepare(`SELECT kind, a_id, b_id, reasons FROM dup_flags WHERE status = ? ORDER BY a_id, b_id`).all(status) as { a_id: string; b_id: string; reasons: string }[];
  return { db, open: () => flags('open').map((f) => [f.a_id, f.b_id, JSON.parse(f.reasons).at(-2)]) };
}

// Wordings the concept layer does not know, in two languages: only a reviewer can say they are one effort.
const OLIVE_PRESS = 'Repair the olive press';
const BEIT_HABAD = 'שיקום בית הבד';
const setting: Fed[] = [
  community('c1', 'Alumim'), community('c2', 'Saad'), community('c3', 'Zikim'),
  need('n1', 'c1', OLIVE_PRESS), plan('p1', 'c1', BEIT_HABAD),
  need('n2', 'c2', 'Repairs to the olive press'), plan('p2', 'c2', BEIT_HABAD),
];
const linked = judged('ConceptsLinked', 'fp1', 'need-plan', 'n1', 'p1', 'c1', [OLIVE_PRESS, BEIT_HABAD]);
const because = 'linked by the resolution of flag fp1 on 2026-02-03 (coordinator)';

describe('a reviewer who links two wordings', () => {
  it('makes the detector flag pairs worded like them, already recorded or recorded later, saying which decision caused it', () => {
    expect(readModelAfter(setting).open()).toEqual([]);
    const after = readModelAfter([...setting, linked, need('n3', 'c3', 'Olive press repair'), plan('p3', 'c3', BEIT_HABAD)]);
    expect(after.open()).toEqual([['n1', 'p1', because], ['n2', 'p2', because], ['n3', 'p3', because]]);
  });

  it('does not make unrelated wordings of the sector alike', () => {
    const after = readModelAfter([...setting, linked, need('n4', 'c1', 'Forklift for the packing house')]);
    expect(after.open().map(([a, b]) => `${a}|${b}`)).toEqual(['n1|p1', 'n2|p2']);
  });

  it('is explained for a pair the detector was asked about', () => {
    const { db } = readModelAfter([...setting, linked]);
    expect(explainDuplicatePair(db, 'need-plan', 'n2', 'p2')).toMatchObject({ candidate: true, duplicate: true, reasons: expect.arrayContaining([because]) });
    expect(explainDuplicatePair(db, 'need-plan', 'n1', 'p2')).toMatchObject({ candidate: false, reasons: ["the plan does not cover the need's community"] });
  });
});

describe('a reviewer who tells two wordings apart', () => {
  const businesses: Fed[] = [
    community('c1', 'Alumim'), community('c2', 'Saad'),
    need('n1', 'c1', 'Grants for small businesses'), need('n2', 'c1', 'Loans for small businesses'),
    need('n3', 'c2', 'Grants for small businesses'), need('n4', 'c2', 'Loans for small businesses'),
  ];
  const separated = judged('ConceptsSeparated', 'fn1', 'need-need', 'n1', 'n2', 'c1', ['Grants for small businesses', 'Loans for small businesses']);

  it('lowers the score of pairs worded like them in that community and sector only', () => {
    expect(readModelAfter(businesses).open().map(([a, b]) => `${a}|${b}`)).toEqual(['n1|n2', 'n3|n4']);
    const after = readModelAfter([...businesses, separated, need('n5', 'c1', 'Grants for small businesses'), need('n6', 'c2', 'Loans for small businesses')]);
    expect(after.open().map(([a, b]) => `${a}|${b}`)).toEqual(['n1|n5', 'n3|n4', 'n3|n6', 'n4|n6']);
    expect(explainDuplicatePair(after.db, 'need-need', 'n2', 'n5')).toMatchObject({
      duplicate: false, reasons: expect.arrayContaining(['told apart by the resolution of flag fn1 on 2026-02-03 (coordinator)']),
    });
  });
});
