import Database from 'better-sqlite3';
import fc from 'fast-check';
import { StoredEvent } from '@c2g/event-store';
import { DEFAULT_RATES, DuplicateFlagsProjection } from './duplicate-flags.projection';
import { scoreDuplicate } from './similarity/duplicate-score';

const DAY = 86_400_000;
const isoDay = (offset: number) => new Date(Date.UTC(2025, 0, 1) + offset * DAY).toISOString().slice(0, 10);

const window = fc.record({ start: fc.integer({ min: 0, max: 700 }), days: fc.integer({ min: 0, max: 400 }) });

/**
 * Candidates are narrowed by the longest window seen in a bucket; whatever the windows, the
 * flags must be exactly those an exhaustive comparison of every overlapping pair gives.
 */
it('flags the same need pairs as comparing every pair whose windows overlap', () => {
  fc.assert(
    fc.property(fc.array(window, { minLength: 2, maxLength: 12 }), (windows) => {
      const db = new Database(':memory:');
      const projection = new DuplicateFlagsProjection();
      projection.setup(db);
      const needs = windows.map((w, i) => ({
        needId: `n${String(i).padStart(2, '0')}`, pairingId: 'p', communityId: 'c', title: 'Mattresses and bedding for returning families',
        description: '', sector: 'housing', horizon: 'immediate', estimatedCost: { amount: 3_600_000, currency: 'USD' },
        window: { from: isoDay(w.start), to: isoDay(w.start + w.days) },
      }));
      needs.forEach((data, i) => {
        const event = { eventId: `e${i}`, streamId: `need-${data.needId}`, type: 'NeedRecorded', revision: 0n, position: BigInt(i + 1), data,
          metadata: { occurredAt: '2025-01-01T00:00:00Z', schemaVersion: 1, prevHash: '', hash: '' } } as StoredEvent;
        projection.apply(event, { db, changed: () => undefined });
      });
      const flagged = (db.prepare(`SELECT a_id || '|' || b_id AS pair FROM dup_flags WHERE kind = 'need-need' ORDER BY pair`).all() as { pair: string }[]).map((r) => r.pair);
      const expected: string[] = [];
      for (const a of needs) {
        for (const b of needs) {
          if (a.needId >= b.needId || a.window.from > b.window.to || b.window.from > a.window.to) continue;
          const comparable = (n: typeof a) => ({ title: n.title, description: n.description, window: n.window, money: n.estimatedCost });
          const score = scoreDuplicate(comparable(a), comparable(b), { communityName: 'c', placeWords: [], sector: 'housing', rates: DEFAULT_RATES });
          if (score.duplicate) expected.push(`${a.needId}|${b.needId}`);
        }
      }
      db.close();
      expect(flagged).toEqual(expected.sort());
    }),
    { numRuns: 150 },
  );
});
