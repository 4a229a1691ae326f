import type { Database } from 'better-sqlite3';
import { PlanDetails, PlanEvent } from '@c2g/domain';
import { StoredEvent } from '@c2g/event-store';
import { domainEvent } from '../runner/domain-event';
import { PreparedStatements } from '../runner/prepared-statements';
import { Projection, ProjectionContext } from '../runner/projection';

const sql = new PreparedStatements({
  register: `INSERT OR REPLACE INTO plans (plan_id, source, authority, external_ref, title, description, sector, community_ids,
               regional_council, window_from, window_to, budget_amount, budget_currency, status, registered_at, position)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?)`,
  get: 'SELECT * FROM plans WHERE plan_id = ?',
  revise: `UPDATE plans SET title = ?, description = ?, sector = ?, community_ids = ?, regional_council = ?, window_from = ?,
             window_to = ?, budget_amount = ?, budget_currency = ?, position = ? WHERE plan_id = ?`,
  withdraw: `UPDATE plans SET status = 'withdrawn', position = ? WHERE plan_id = ?`,
});

interface PlanRow {
  title: string; description: string; sector: string; community_ids: string; regional_council: string | null;
  window_from: string; window_to: string; budget_amount: number; budget_currency: string;
}

/** Tekuma, municipal, regional-council and ministry plans as registered and revised. */
export class PlansProjection implements Projection {
  readonly name = 'plans';
  readonly version = 1;

  setup(db: Database): void {
    db.exec(`
      CREATE TABLE plans (
        plan_id TEXT PRIMARY KEY, source TEXT NOT NULL, authority TEXT NOT NULL, external_ref TEXT NOT NULL,
        title TEXT NOT NULL, description TEXT NOT NULL, sector TEXT NOT NULL, community_ids TEXT NOT NULL,
        regional_council TEXT, window_from TEXT NOT NULL, window_to TEXT NOT NULL, budget_amount INTEGER NOT NULL,
        budget_currency TEXT NOT NULL, status TEXT NOT NULL, registered_at TEXT NOT NULL, position INTEGER NOT NULL
      );
      CREATE INDEX plans_by_reference ON plans (source, external_ref);
      CREATE INDEX plans_by_sector ON plans (sector, plan_id);`);
  }

  apply(stored: StoredEvent, { db, changed }: ProjectionContext): void {
    const q = sql.for(db);
    const event = domainEvent<PlanEvent>(stored);
    switch (event.type) {
      case 'PlanRegistered': {
        const p = event.data;
        q.register.run(p.planId, p.source, p.authority, p.externalRef, p.title, p.description, p.sector,
          JSON.stringify(p.communityIds ?? []), p.regionalCouncil ?? null, p.window.from, p.window.to,
          p.budget.amount, p.budget.currency, stored.metadata.occurredAt, stored.position);
        break;
      }
      case 'PlanRevised': {
        const row = q.get.get(event.data.planId) as PlanRow | undefined;
        if (!row) return;
        const c: Partial<PlanDetails> = event.data.changes;
        q.revise.run(c.title ?? row.title, c.description ?? row.description, c.sector ?? row.sector,
          c.communityIds ? JSON.stringify(c.communityIds) : row.community_ids, c.regionalCouncil ?? row.regional_council,
          c.window?.from ?? row.window_from, c.window?.to ?? row.window_to, c.budget?.amount ?? row.budget_amount,
          c.budget?.currency ?? row.budget_currency, stored.position, event.data.planId);
        break;
      }
      case 'PlanWithdrawn':
        q.withdraw.run(stored.position, event.data.planId);
        break;
      default:
        return;
    }
    changed({ kind: 'plan', id: event.data.planId });
  }
}
