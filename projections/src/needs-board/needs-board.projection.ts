import type { Database } from 'better-sqlite3';
import { NeedDetails, NeedEvent, PairingEvent } from '@c2g/domain';
import { StoredEvent } from '@c2g/event-store';
import { domainEvent } from '../runner/domain-event';
import { PreparedStatements } from '../runner/prepared-statements';
import { Projection, ProjectionContext } from '../runner/projection';

const sql = new PreparedStatements({
  record: `INSERT OR REPLACE INTO needs (need_id, pairing_id, community_id, title, description, sector, horizon, cost_amount,
             cost_currency, window_from, window_to, quantity, status, recorded_at, updated_at, position)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?)`,
  get: 'SELECT * FROM needs WHERE need_id = ?',
  revise: `UPDATE needs SET title = ?, description = ?, sector = ?, horizon = ?, cost_amount = ?, cost_currency = ?,
             window_from = ?, window_to = ?, quantity = ?, updated_at = ?, position = ? WHERE need_id = ?`,
  status: 'UPDATE needs SET status = ?, updated_at = ?, position = ? WHERE need_id = ?',
  funding: `INSERT INTO need_funding (need_id, currency, pledged, disbursed) VALUES (?, ?, ?, ?)
            ON CONFLICT (need_id, currency) DO UPDATE SET pledged = pledged + excluded.pledged, disbursed = disbursed + excluded.disbursed`,
  touch: 'UPDATE needs SET position = ? WHERE need_id = ?',
});

interface NeedRow {
  title: string; description: string; sector: string; horizon: string; cost_amount: number; cost_currency: string;
  window_from: string; window_to: string; quantity: number | null; community_id: string; pairing_id: string;
}

/** Needs by community, sector, horizon and status, with the money pledged and disbursed for each (per currency). */
export class NeedsBoardProjection implements Projection {
  readonly name = 'needs-board';
  readonly version = 1;

  setup(db: Database): void {
    db.exec(`
      CREATE TABLE needs (
        need_id TEXT PRIMARY KEY, pairing_id TEXT NOT NULL, community_id TEXT NOT NULL, title TEXT NOT NULL,
        description TEXT NOT NULL, sector TEXT NOT NULL, horizon TEXT NOT NULL, cost_amount INTEGER NOT NULL,
        cost_currency TEXT NOT NULL, window_from TEXT NOT NULL, window_to TEXT NOT NULL, quantity INTEGER,
        status TEXT NOT NULL, recorded_at TEXT NOT NULL,
        updated_at TEXT NOT NULL, position INTEGER NOT NULL
      );
      CREATE INDEX needs_by_community ON needs (community_id, need_id);
      CREATE INDEX needs_by_pairing ON needs (pairing_id, need_id);
      CREATE INDEX needs_by_status ON needs (status, horizon);
      -- Money earmarked for a need, per currency: amounts in different currencies are never added.
      CREATE TABLE need_funding (
        need_id TEXT NOT NULL, currency TEXT NOT NULL, pledged INTEGER NOT NULL, disbursed INTEGER NOT NULL,
        PRIMARY KEY (need_id, currency)
      );`);
  }

  apply(stored: StoredEvent, { db, changed }: ProjectionContext): void {
    const q = sql.for(db);
    const at = stored.metadata.occurredAt;
    const event = domainEvent<NeedEvent | PairingEvent>(stored);
    let needId: string | undefined;
    switch (event.type) {
      case 'NeedRecorded': {
        const n = event.data;
        q.record.run(n.needId, n.pairingId, n.communityId, n.title, n.description, n.sector, n.horizon, n.estimatedCost.amount,
          n.estimatedCost.currency, n.window.from, n.window.to, n.quantity ?? null, at, at, stored.position);
        needId = n.needId;
        break;
      }
      case 'NeedRevised': {
        needId = event.data.needId;
        const row = q.get.get(needId) as NeedRow | undefined;
        if (!row) return;
        const c: Partial<NeedDetails> = event.data.changes;
        q.revise.run(c.title ?? row.title, c.description ?? row.description, c.sector ?? row.sector, c.horizon ?? row.horizon,
          c.estimatedCost?.amount ?? row.cost_amount, c.estimatedCost?.currency ?? row.cost_currency, c.window?.from ?? row.window_from,
          c.window?.to ?? row.window_to, c.quantity ?? row.quantity, at, stored.position, needId);
        break;
      }
      case 'NeedFulfilled':
      case 'NeedCancelled':
        needId = event.data.needId;
        q.status.run(event.type === 'NeedFulfilled' ? 'fulfilled' : 'cancelled', at, stored.position, needId);
        break;
      case 'PledgeMade':
      case 'FundsDisbursed':
        needId = event.data.needId;
        if (needId === undefined) return;
        if (event.type === 'PledgeMade') q.funding.run(needId, event.data.amount.currency, event.data.amount.amount, 0);
        else q.funding.run(needId, event.data.amount.currency, 0, event.data.amount.amount);
        q.touch.run(stored.position, needId);
        break;
      default:
        return;
    }
    const row = q.get.get(needId) as NeedRow | undefined;
    changed({ kind: 'need', id: needId, pairingId: row?.pairing_id, communityId: row?.community_id });
  }
}
