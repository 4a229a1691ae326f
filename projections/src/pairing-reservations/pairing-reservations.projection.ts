import type { Database } from 'better-sqlite3';
import { CommunityEvent, PairingEvent } from '@c2g/domain';
import { StoredEvent } from '@c2g/event-store';
import { domainEvent } from '../runner/domain-event';
import { PreparedStatements } from '../runner/prepared-statements';
import { Projection, ProjectionContext } from '../runner/projection';

const sql = new PreparedStatements({
  find: 'SELECT community_ids FROM pairing_reservations WHERE pairing_id = ?',
  settled: 'SELECT 1 FROM settled_pairings WHERE pairing_id = ?',
  reserve: `INSERT INTO pairing_reservations (pairing_id, community_ids, reserved_at) VALUES (?, ?, ?)
            ON CONFLICT (pairing_id) DO UPDATE SET community_ids = excluded.community_ids`,
  release: 'DELETE FROM pairing_reservations WHERE pairing_id = ?',
  settle: 'INSERT OR IGNORE INTO settled_pairings (pairing_id) VALUES (?)',
});

/**
 * Pairing ids that communities have recorded (CommunityPaired) but that were neither
 * created nor abandoned yet: for the milliseconds between a creation's steps, and for
 * longer only when a crash cut a creation short. The pairing reservation watcher abandons
 * the ones older than its grace period, which frees their communities.
 */
export class PairingReservationsProjection implements Projection {
  readonly name = 'pairing-reservations';
  readonly version = 1;

  setup(db: Database): void {
    db.exec(`
      CREATE TABLE pairing_reservations (
        pairing_id TEXT PRIMARY KEY, community_ids TEXT NOT NULL, reserved_at TEXT NOT NULL
      );
      CREATE INDEX pairing_reservations_by_age ON pairing_reservations (reserved_at);
      CREATE TABLE settled_pairings (pairing_id TEXT PRIMARY KEY) WITHOUT ROWID;`);
  }

  apply(stored: StoredEvent, { db }: ProjectionContext): void {
    const q = sql.for(db);
    const event = domainEvent<CommunityEvent | PairingEvent>(stored);
    switch (event.type) {
      case 'CommunityPaired':
      case 'CommunityUnpaired': {
        const { pairingId, communityId } = event.data;
        // A community joining a pairing that already exists (or was abandoned) reserves nothing.
        if (event.type === 'CommunityPaired' && q.settled.get(pairingId)) return;
        const row = q.find.get(pairingId) as { community_ids: string } | undefined;
        const communities = new Set<string>(row ? JSON.parse(row.community_ids) : []);
        if (event.type === 'CommunityPaired') communities.add(communityId);
        else communities.delete(communityId);
        if (communities.size === 0) q.release.run(pairingId);
        else q.reserve.run(pairingId, JSON.stringify([...communities]), stored.metadata.occurredAt);
        return;
      }
      case 'PairingCreated':
      case 'PairingAbandoned':
        q.release.run(event.data.pairingId);
        q.settle.run(event.data.pairingId);
        return;
      default:
        return;
    }
  }
}

export interface PairingReservation {
  pairingId: string;
  communityIds: string[];
  reservedAt: string;
}

/** Reservations made before `before` (an ISO timestamp), oldest first. */
export function reservationsOlderThan(db: Database, before: string, limit = 100): PairingReservation[] {
  const rows = db
    .prepare('SELECT pairing_id, community_ids, reserved_at FROM pairing_reservations WHERE reserved_at < ? ORDER BY reserved_at LIMIT ?')
    .all(before, limit) as { pairing_id: string; community_ids: string; reserved_at: string }[];
  return rows.map((r) => ({ pairingId: r.pairing_id, communityIds: JSON.parse(r.community_ids), reservedAt: r.reserved_at }));
}
