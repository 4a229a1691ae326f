import type { Database } from 'better-sqlite3';
import { CommunityEvent } from '@c2g/domain';
import { StoredEvent } from '@c2g/event-store';
import { domainEvent } from '../runner/domain-event';
import { PreparedStatements } from '../runner/prepared-statements';
import { Projection, ProjectionContext } from '../runner/projection';

const sql = new PreparedStatements({
  register: `INSERT OR REPLACE INTO communities (community_id, name, name_he, aliases, kind, settlement_type,
               regional_council, country, registered_at, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  pairings: 'SELECT active_pairings FROM communities WHERE community_id = ?',
  setPairings: 'UPDATE communities SET active_pairings = ?, position = ? WHERE community_id = ?',
  returned: 'UPDATE communities SET residents_returned_on = ?, residents_returned_count = ?, position = ? WHERE community_id = ?',
});

/** Every registered community, with its active pairings and the last return of residents. */
export class CommunitiesProjection implements Projection {
  readonly name = 'communities';
  readonly version = 1;

  setup(db: Database): void {
    db.exec(`
      CREATE TABLE communities (
        community_id TEXT PRIMARY KEY, name TEXT NOT NULL, name_he TEXT, aliases TEXT NOT NULL,
        kind TEXT NOT NULL, settlement_type TEXT NOT NULL, regional_council TEXT, country TEXT NOT NULL,
        active_pairings TEXT NOT NULL DEFAULT '[]', residents_returned_on TEXT, residents_returned_count INTEGER,
        registered_at TEXT NOT NULL, position INTEGER NOT NULL
      );
      CREATE INDEX communities_by_kind ON communities (kind, community_id);
      CREATE INDEX communities_by_council ON communities (regional_council, community_id);`);
  }

  apply(stored: StoredEvent, { db, changed }: ProjectionContext): void {
    const q = sql.for(db);
    const event = domainEvent<CommunityEvent>(stored);
    switch (event.type) {
      case 'CommunityRegistered': {
        const c = event.data;
        q.register.run(c.communityId, c.name, c.nameHe ?? null, JSON.stringify(c.aliases), c.kind, c.settlementType,
          c.regionalCouncil ?? null, c.country, stored.metadata.occurredAt, stored.position);
        break;
      }
      case 'CommunityPaired':
      case 'CommunityUnpaired': {
        const row = q.pairings.get(event.data.communityId) as { active_pairings: string } | undefined;
        if (!row) return;
        const current: string[] = JSON.parse(row.active_pairings);
        const next = event.type === 'CommunityPaired'
          ? [...new Set([...current, event.data.pairingId])]
          : current.filter((id) => id !== event.data.pairingId);
        q.setPairings.run(JSON.stringify(next), stored.position, event.data.communityId);
        break;
      }
      case 'ResidentsReturned':
        q.returned.run(event.data.date, event.data.count ?? null, stored.position, event.data.communityId);
        break;
      default:
        return;
    }
    changed({ kind: 'community', id: event.data.communityId, communityId: event.data.communityId });
  }
}
