import Database from 'better-sqlite3';
import { StoredEvent } from '../../libs/event-store/src';
import { DuplicateFlagsProjection } from '../../projections/src/duplicate-flags/duplicate-flags.projection';
import { alternate } from './measure';

const SECTORS = ['housing', 'education', 'employment', 'agriculture', 'infrastructure', 'security', 'welfare', 'culture-and-youth'];
const PLANS_PER_BUCKET = 10;
const TITLES = ['Temporary modular housing', 'Rebuild the kindergarten', 'Grants for small businesses', 'Irrigation pipes and pumps', 'Repave internal roads', 'Upgrade the public shelters', 'Hire social workers', 'Summer program for kids'];

let position = 0n;
const event = (type: string, data: object): StoredEvent =>
  ({ eventId: `e${position}`, streamId: 's', type, revision: 0n, position: ++position, data, metadata: { occurredAt: '2025-01-01T00:00:00Z', schemaVersion: 1, prevHash: '', hash: '' } }) as StoredEvent;

/** A detector with `plans` plans, ten per (community, sector) bucket, so total size grows but a bucket does not. */
function detectorWith(plans: number) {
  const db = new Database(':memory:');
  const projection = new DuplicateFlagsProjection();
  projection.setup(db);
  const context = { db, changed: () => undefined };
  const communities = Math.ceil(plans / (PLANS_PER_BUCKET * SECTORS.length));
  db.transaction(() => {
    for (let c = 0; c < communities; c += 1) {
      projection.apply(event('CommunityRegistered', { communityId: `c${c}`, name: `Community ${c}`, aliases: [], kind: 'israeli', settlementType: 'kibbutz', country: 'IL' }), context);
    }
    for (let p = 0; p < plans; p += 1) {
      const sector = p % SECTORS.length;
      const community = Math.floor(p / (PLANS_PER_BUCKET * SECTORS.length));
      projection.apply(event('PlanRegistered', {
        planId: `p${p}`, source: 'tekuma', authority: 'Tekuma Authority', externalRef: `T-${p}`, title: TITLES[sector], description: '',
        sector: SECTORS[sector], communityIds: [`c${community}`], window: { from: '2025-01-01', to: '2025-12-31' }, budget: { amount: 1_000_000, currency: 'ILS' },
      }), context);
    }
  })();
  return { db, projection, context, communities };
}

/**
 * Microseconds per need: recorded (checked against its bucket's plans and open needs), then
 * cancelled, so buckets keep their size from trial to trial and only the total grows.
 */
function perEvent(detector: ReturnType<typeof detectorWith>, events: number, seed: number): number {
  const started = process.hrtime.bigint();
  detector.db.transaction(() => {
    for (let i = 0; i < events; i += 1) {
      const sector = (i + seed) % SECTORS.length;
      const community = (i * 7919 + seed) % detector.communities;
      detector.projection.apply(event('NeedRecorded', {
        needId: `n${seed}-${i}`, pairingId: 'x', communityId: `c${community}`, title: TITLES[(sector + i) % TITLES.length], description: '',
        sector: SECTORS[sector], horizon: 'immediate', estimatedCost: { amount: 500_000, currency: 'USD' }, window: { from: '2025-03-01', to: '2025-06-30' },
      }), detector.context);
      detector.projection.apply(event('NeedCancelled', { needId: `n${seed}-${i}`, reason: 'bench' }), detector.context);
    }
  })();
  return Number(process.hrtime.bigint() - started) / 1000 / events;
}

export async function duplicateDetectionScenario(quick: boolean) {
  const large = quick ? 20_000 : 100_000;
  const small = detectorWith(1_000);
  const big = detectorWith(large);
  let seed = 0;
  const events = quick ? 300 : 1_000;
  const { baseline, subject } = await alternate(5, async () => perEvent(small, events, ++seed), async () => perEvent(big, events, ++seed));
  small.db.close();
  big.db.close();
  return {
    name: `duplicate check per event: ${large.toLocaleString('en')} vs 1,000 plans`,
    rows: [
      ['1,000 plans', `${baseline.toFixed(1)} µs/event`],
      [`${large.toLocaleString('en')} plans`, `${subject.toFixed(1)} µs/event`],
    ],
    ratio: { key: 'duplicateCostRatio', value: subject / baseline, target: '≤ 1.5' },
  };
}
