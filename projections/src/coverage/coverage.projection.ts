import type { Database } from 'better-sqlite3';
import { CommunityEvent, NeedEvent, PairingEvent } from '@c2g/domain';
import { StoredEvent } from '@c2g/event-store';
import { domainEvent } from '../runner/domain-event';
import { PreparedStatements } from '../runner/prepared-statements';
import { Projection, ProjectionContext } from '../runner/projection';

const sql = new PreparedStatements({
  community: 'INSERT OR REPLACE INTO cov_communities (community_id, name, regional_council) VALUES (?, ?, ?)',
  pairing: `INSERT OR REPLACE INTO cov_pairings (pairing_id, community_id, phase, phase_since, active) VALUES (?, ?, 'formation', ?, 1)`,
  unpair: 'UPDATE cov_pairings SET active = 0 WHERE pairing_id = ?',
  member: 'INSERT OR REPLACE INTO cov_team (pairing_id, member_id, side) VALUES (?, ?, ?)',
  release: 'DELETE FROM cov_team WHERE pairing_id = ? AND member_id = ?',
  phase: 'UPDATE cov_pairings SET phase = ?, phase_since = ?, active = ? WHERE pairing_id = ?',
  need: `INSERT OR REPLACE INTO cov_needs (need_id, community_id, horizon, status, cost_amount, cost_currency)
         VALUES (?, ?, ?, 'open', ?, ?)`,
  reviseNeed: `UPDATE cov_needs SET horizon = coalesce(?, horizon), cost_amount = coalesce(?, cost_amount),
                 cost_currency = coalesce(?, cost_currency) WHERE need_id = ?`,
  needStatus: 'UPDATE cov_needs SET status = ? WHERE need_id = ?',
  pledge: `INSERT INTO cov_need_pledges (need_id, currency, amount) VALUES (?, ?, ?)
           ON CONFLICT (need_id, currency) DO UPDATE SET amount = amount + excluded.amount`,
});

/**
 * "No community left behind": what the coverage report needs about each Israeli community —
 * its active pairing, phase and since when, joint team by side, and its urgent needs with
 * the money pledged for them. The report itself decides what counts as behind.
 */
export class CoverageProjection implements Projection {
  readonly name = 'coverage';
  readonly version = 1;

  setup(db: Database): void {
    db.exec(`
      CREATE TABLE cov_communities (community_id TEXT PRIMARY KEY, name TEXT NOT NULL, regional_council TEXT);
      CREATE TABLE cov_pairings (
        pairing_id TEXT PRIMARY KEY, community_id TEXT NOT NULL, phase TEXT NOT NULL, phase_since TEXT NOT NULL, active INTEGER NOT NULL
      );
      CREATE INDEX cov_pairings_by_community ON cov_pairings (community_id, active);
      CREATE TABLE cov_team (pairing_id TEXT NOT NULL, member_id TEXT NOT NULL, side TEXT NOT NULL, PRIMARY KEY (pairing_id, member_id));
      CREATE TABLE cov_needs (
        need_id TEXT PRIMARY KEY, community_id TEXT NOT NULL, horizon TEXT NOT NULL, status TEXT NOT NULL,
        cost_amount INTEGER NOT NULL, cost_currency TEXT NOT NULL
      );
      CREATE INDEX cov_needs_by_community ON cov_needs (community_id, status, horizon);
      CREATE TABLE cov_need_pledges (need_id TEXT NOT NULL, currency TEXT NOT NULL, amount INTEGER NOT NULL, PRIMARY KEY (need_id, currency));`);
  }

  apply(stored: StoredEvent, { db, changed }: ProjectionContext): void {
    const q = sql.for(db);
    const at = stored.metadata.occurredAt;
    const event = domainEvent<CommunityEvent | PairingEvent | NeedEvent>(stored);
    let communityId: string | undefined;
    switch (event.type) {
      case 'CommunityRegistered':
        if (event.data.kind !== 'israeli') return;
        communityId = event.data.communityId;
        q.community.run(communityId, event.data.name, event.data.regionalCouncil ?? null);
        break;
      case 'CommunityUnpaired':
        q.unpair.run(event.data.pairingId);
        communityId = event.data.communityId;
        break;
      case 'PairingCreated':
        communityId = event.data.israeliCommunityId;
        q.pairing.run(event.data.pairingId, communityId, at);
        break;
      case 'TeamMemberAssigned':
        q.member.run(event.data.pairingId, event.data.memberId, event.data.side);
        break;
      case 'TeamMemberReleased':
        q.release.run(event.data.pairingId, event.data.memberId);
        break;
      case 'PhaseAdvanced':
        q.phase.run(event.data.to, at, event.data.to === 'concluded' ? 0 : 1, event.data.pairingId);
        break;
      case 'NeedRecorded':
        communityId = event.data.communityId;
        q.need.run(event.data.needId, communityId, event.data.horizon, event.data.estimatedCost.amount, event.data.estimatedCost.currency);
        break;
      case 'NeedRevised': {
        const c = event.data.changes;
        q.reviseNeed.run(c.horizon ?? null, c.estimatedCost?.amount ?? null, c.estimatedCost?.currency ?? null, event.data.needId);
        break;
      }
      case 'NeedFulfilled':
      case 'NeedCancelled':
        q.needStatus.run(event.type === 'NeedFulfilled' ? 'fulfilled' : 'cancelled', event.data.needId);
        break;
      case 'PledgeMade':
        if (event.data.needId === undefined) return;
        q.pledge.run(event.data.needId, event.data.amount.currency, event.data.amount.amount);
        break;
      default:
        return;
    }
    changed({ kind: 'coverage', id: communityId ?? stored.streamId, communityId });
  }
}
