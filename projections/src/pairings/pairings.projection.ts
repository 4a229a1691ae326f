import type { Database } from 'better-sqlite3';
import { NeedEvent, PairingEvent } from '@c2g/domain';
import { StoredEvent } from '@c2g/event-store';
import { domainEvent } from '../runner/domain-event';
import { PreparedStatements } from '../runner/prepared-statements';
import { Projection, ProjectionContext } from '../runner/projection';

const sql = new PreparedStatements({
  create: `INSERT OR REPLACE INTO pairings (pairing_id, israeli_community_id, global_community_id, partnership_type,
             annual_amount, currency, years, start_date, phase, phase_since, created_at, position)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'formation', ?, ?, ?)`,
  touch: 'UPDATE pairings SET position = ? WHERE pairing_id = ?',
  assign: 'INSERT OR REPLACE INTO team_members (pairing_id, member_id, side, role, person_id, assigned_at) VALUES (?, ?, ?, ?, ?, ?)',
  release: 'DELETE FROM team_members WHERE pairing_id = ? AND member_id = ?',
  pledge: `INSERT OR REPLACE INTO pledges (pairing_id, pledge_id, year, amount, currency, disbursed, need_id, pledged_at)
           VALUES (?, ?, ?, ?, ?, 0, ?, ?)`,
  disburse: 'UPDATE pledges SET disbursed = disbursed + ? WHERE pairing_id = ? AND pledge_id = ?',
  disbursement: `INSERT OR REPLACE INTO disbursements (pairing_id, disbursement_id, pledge_id, amount, currency, need_id, disbursed_at)
                 VALUES (?, ?, ?, ?, ?, ?, ?)`,
  roadMap: 'UPDATE pairings SET road_map = ? WHERE pairing_id = ?',
  phase: 'UPDATE pairings SET phase = ?, phase_since = ? WHERE pairing_id = ?',
  need: 'INSERT OR REPLACE INTO pairing_needs (need_id, pairing_id, status) VALUES (?, ?, ?)',
  needStatus: 'UPDATE pairing_needs SET status = ? WHERE need_id = ?',
  pairingOfNeed: 'SELECT pairing_id FROM pairing_needs WHERE need_id = ?',
});

/** Per pairing: communities, phase, joint team, commitment, pledges and needs. */
export class PairingsProjection implements Projection {
  readonly name = 'pairings';
  readonly version = 2;

  setup(db: Database): void {
    db.exec(`
      CREATE TABLE pairings (
        pairing_id TEXT PRIMARY KEY, israeli_community_id TEXT NOT NULL, global_community_id TEXT NOT NULL,
        partnership_type TEXT NOT NULL, annual_amount INTEGER NOT NULL, currency TEXT NOT NULL, years INTEGER NOT NULL,
        start_date TEXT NOT NULL, phase TEXT NOT NULL, phase_since TEXT NOT NULL, road_map TEXT,
        created_at TEXT NOT NULL, position INTEGER NOT NULL
      );
      CREATE INDEX pairings_by_israeli ON pairings (israeli_community_id);
      CREATE INDEX pairings_by_global ON pairings (global_community_id);
      CREATE INDEX pairings_by_phase ON pairings (phase, pairing_id);
      CREATE TABLE team_members (
        pairing_id TEXT NOT NULL, member_id TEXT NOT NULL, side TEXT NOT NULL, role TEXT NOT NULL, person_id TEXT NOT NULL,
        assigned_at TEXT NOT NULL, PRIMARY KEY (pairing_id, member_id)
      );
      CREATE TABLE pledges (
        pairing_id TEXT NOT NULL, pledge_id TEXT NOT NULL, year INTEGER NOT NULL, amount INTEGER NOT NULL, currency TEXT NOT NULL,
        disbursed INTEGER NOT NULL, need_id TEXT, pledged_at TEXT NOT NULL, PRIMARY KEY (pairing_id, pledge_id)
      );
      CREATE TABLE disbursements (
        pairing_id TEXT NOT NULL, disbursement_id TEXT NOT NULL, pledge_id TEXT NOT NULL, amount INTEGER NOT NULL,
        currency TEXT NOT NULL, need_id TEXT, disbursed_at TEXT NOT NULL, PRIMARY KEY (pairing_id, disbursement_id)
      );
      CREATE TABLE pairing_needs (need_id TEXT PRIMARY KEY, pairing_id TEXT NOT NULL, status TEXT NOT NULL);
      CREATE INDEX pairing_needs_by_pairing ON pairing_needs (pairing_id, status);`);
  }

  apply(stored: StoredEvent, { db, changed }: ProjectionContext): void {
    const q = sql.for(db);
    const at = stored.metadata.occurredAt;
    const event = domainEvent<PairingEvent | NeedEvent>(stored);
    let pairingId: string;
    switch (event.type) {
      case 'PairingCreated': {
        const p = event.data;
        q.create.run(p.pairingId, p.israeliCommunityId, p.globalCommunityId, p.partnershipType, p.commitment.annual.amount,
          p.commitment.annual.currency, p.commitment.years, p.commitment.startDate, at, at, stored.position);
        pairingId = p.pairingId;
        break;
      }
      case 'TeamMemberAssigned':
        ({ pairingId } = event.data);
        q.assign.run(pairingId, event.data.memberId, event.data.side, event.data.role, event.data.personId, at);
        break;
      case 'TeamMemberReleased':
        ({ pairingId } = event.data);
        q.release.run(pairingId, event.data.memberId);
        break;
      case 'PledgeMade':
        ({ pairingId } = event.data);
        q.pledge.run(pairingId, event.data.pledgeId, event.data.year, event.data.amount.amount, event.data.amount.currency,
          event.data.needId ?? null, at);
        break;
      case 'FundsDisbursed':
        ({ pairingId } = event.data);
        q.disburse.run(event.data.amount.amount, pairingId, event.data.pledgeId);
        q.disbursement.run(pairingId, event.data.disbursementId, event.data.pledgeId, event.data.amount.amount,
          event.data.amount.currency, event.data.needId ?? null, at);
        break;
      case 'RoadMapApproved':
        ({ pairingId } = event.data);
        q.roadMap.run(JSON.stringify(event.data.milestones), pairingId);
        break;
      case 'PhaseAdvanced':
        ({ pairingId } = event.data);
        q.phase.run(event.data.to, at, pairingId);
        break;
      case 'NeedRecorded':
        ({ pairingId } = event.data);
        q.need.run(event.data.needId, pairingId, 'open');
        break;
      case 'NeedFulfilled':
      case 'NeedCancelled': {
        const row = q.pairingOfNeed.get(event.data.needId) as { pairing_id: string } | undefined;
        if (!row) return;
        pairingId = row.pairing_id;
        q.needStatus.run(event.type === 'NeedFulfilled' ? 'fulfilled' : 'cancelled', event.data.needId);
        break;
      }
      default:
        return;
    }
    q.touch.run(stored.position, pairingId);
    changed({ kind: 'pairing', id: pairingId, pairingId });
  }
}
