import type { Database } from 'better-sqlite3';
import { PairingEvent } from '@c2g/domain';
import { StoredEvent } from '@c2g/event-store';
import { domainEvent } from '../runner/domain-event';
import { PreparedStatements } from '../runner/prepared-statements';
import { Projection, ProjectionContext } from '../runner/projection';

const sql = new PreparedStatements({
  pairing: `INSERT OR REPLACE INTO ledger_pairings (pairing_id, israeli_community_id, global_community_id, currency)
            VALUES (?, ?, ?, ?)`,
  year: `INSERT OR REPLACE INTO ledger_years (pairing_id, year, committed, pledged, disbursed) VALUES (?, ?, ?, 0, 0)`,
  pledge: 'INSERT OR REPLACE INTO ledger_pledges (pairing_id, pledge_id, year) VALUES (?, ?, ?)',
  pledged: 'UPDATE ledger_years SET pledged = pledged + ? WHERE pairing_id = ? AND year = ?',
  yearOfPledge: 'SELECT year FROM ledger_pledges WHERE pairing_id = ? AND pledge_id = ?',
  disbursed: 'UPDATE ledger_years SET disbursed = disbursed + ? WHERE pairing_id = ? AND year = ?',
});

/**
 * Committed vs pledged vs disbursed per pairing and program year, in the commitment's
 * currency (the domain refuses pledges in any other), so sums never mix currencies.
 */
export class FundingLedgerProjection implements Projection {
  readonly name = 'funding-ledger';
  readonly version = 1;

  setup(db: Database): void {
    db.exec(`
      CREATE TABLE ledger_pairings (
        pairing_id TEXT PRIMARY KEY, israeli_community_id TEXT NOT NULL, global_community_id TEXT NOT NULL, currency TEXT NOT NULL
      );
      CREATE INDEX ledger_pairings_by_global ON ledger_pairings (global_community_id);
      CREATE TABLE ledger_years (
        pairing_id TEXT NOT NULL, year INTEGER NOT NULL, committed INTEGER NOT NULL, pledged INTEGER NOT NULL,
        disbursed INTEGER NOT NULL, PRIMARY KEY (pairing_id, year)
      );
      CREATE TABLE ledger_pledges (pairing_id TEXT NOT NULL, pledge_id TEXT NOT NULL, year INTEGER NOT NULL, PRIMARY KEY (pairing_id, pledge_id));`);
  }

  apply(stored: StoredEvent, { db, changed }: ProjectionContext): void {
    const q = sql.for(db);
    const event = domainEvent<PairingEvent>(stored);
    switch (event.type) {
      case 'PairingCreated': {
        const { pairingId, israeliCommunityId, globalCommunityId, commitment } = event.data;
        q.pairing.run(pairingId, israeliCommunityId, globalCommunityId, commitment.annual.currency);
        for (let year = 1; year <= commitment.years; year += 1) q.year.run(pairingId, year, commitment.annual.amount);
        break;
      }
      case 'PledgeMade':
        q.pledge.run(event.data.pairingId, event.data.pledgeId, event.data.year);
        q.pledged.run(event.data.amount.amount, event.data.pairingId, event.data.year);
        break;
      case 'FundsDisbursed': {
        const pledge = q.yearOfPledge.get(event.data.pairingId, event.data.pledgeId) as { year: number } | undefined;
        if (!pledge) throw new Error(`disbursement ${event.data.disbursementId} names unknown pledge ${event.data.pledgeId}`);
        q.disbursed.run(event.data.amount.amount, event.data.pairingId, pledge.year);
        break;
      }
      default:
        return;
    }
    changed({ kind: 'funding', id: event.data.pairingId, pairingId: event.data.pairingId });
  }
}
